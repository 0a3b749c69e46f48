import { useState } from 'react';
import type { CallCheckView, CheckResult } from '../../../../schemas/autoqa.ts';
import type { RuleTestResponse, RuleTestSegment } from '../../../../schemas/autoqa-test.ts';
import { useFormat } from '../../format.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { checkLabel } from './CheckEditor.tsx';
import { REASON_LABEL } from './reasons.ts';

const BADGE: Record<CheckResult, string> = {
  pass: 'badge-locked',
  fail: 'badge-danger',
  na: 'badge-neutral',
};
const RESULT_KEY = {
  pass: 'autoqa.result.pass',
  fail: 'autoqa.result.fail',
  na: 'autoqa.result.na',
} as const;

/**
 * The test's answer: each check's result and what decided it; choosing a check marks its evidence
 * in the transcript (the segments, and the words heard in them where they are written as heard).
 */
export function TestResults({ result }: { result: RuleTestResponse }) {
  const t = useT();
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = result.checks.find((c) => c.key === chosen) ?? null;
  const evidence = new Map((selected?.evidence.segments ?? []).map((s) => [s.seq, s]));
  const phrasesAt = (seq: number) =>
    (selected?.evidence.segments ?? [])
      .filter((s) => s.seq === seq)
      .flatMap((s) => (s.phrase ? [s.phrase] : []));
  const window = selected?.evidence.window ?? null;
  return (
    <div className="aq-results">
      <ul className="aq-result-list" aria-label={t('autoqa.test.results')}>
        {result.checks.map((c) => (
          <li key={c.key}>
            <button
              type="button"
              className={c.key === chosen ? 'aq-result is-chosen' : 'aq-result'}
              aria-pressed={c.key === chosen}
              data-check={c.key}
              data-result={c.result}
              onClick={() => setChosen(c.key === chosen ? null : c.key)}
            >
              <span className={`badge badge-small ${BADGE[c.result]}`}>{t(RESULT_KEY[c.result])}</span>
              <CheckLine check={c} />
            </button>
          </li>
        ))}
      </ul>
      <ol className="aq-transcript" aria-label={t('autoqa.test.transcript')}>
        {result.segments.map((s) => {
          const inWindow = window !== null && s.startS < window.toS && s.endS > window.fromS;
          const cls = evidence.has(s.seq) ? 'aq-seg is-evidence' : inWindow ? 'aq-seg is-window' : 'aq-seg';
          return (
            <li key={s.seq} className={cls} data-seq={s.seq}>
              <SegmentLine segment={s} marks={phrasesAt(s.seq)} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function CheckLine({ check }: { check: CallCheckView }) {
  const t = useT();
  const fmt = useFormat();
  const language = useLanguage();
  const e = check.evidence;
  const heard = (e.segments ?? [])
    .map((s) => `${fmt.duration(s.startS)} «${s.phrase ?? s.productId ?? ''}»`)
    .join(', ');
  const detail = e.reason
    ? REASON_LABEL[e.reason]
      ? t(REASON_LABEL[e.reason] as never)
      : e.reason
    : heard ||
      (e.window
        ? t('autoqa.test.searched', { from: fmt.duration(e.window.fromS), to: fmt.duration(e.window.toS) })
        : '');
  return (
    <span className="aq-result-text">
      <span>
        <strong>{checkLabel(check, language)}</strong>
        {e.count != null && (
          <span className="card-meta"> · {t('autoqa.test.count', { count: e.count })}</span>
        )}
      </span>
      {detail && <span className="aq-result-detail">{detail}</span>}
    </span>
  );
}

/** A segment with the words heard marked where its text has them as written. */
function SegmentLine({ segment, marks }: { segment: RuleTestSegment; marks: string[] }) {
  const t = useT();
  const fmt = useFormat();
  const speaker =
    segment.speaker === 'agent'
      ? t('aq.speaker.agent')
      : segment.speaker === 'customer'
        ? t('aq.speaker.customer')
        : t('aq.speaker.unknown');
  return (
    <>
      <span className="aq-seg-time">{fmt.duration(segment.startS)}</span>
      <span className="aq-seg-speaker">{speaker}</span>
      <span className="aq-seg-text">{highlight(segment.text, marks)}</span>
    </>
  );
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ё', 'е');

/** The text with each phrase's first occurrence (case and diacritics aside) in a <mark>. */
function highlight(text: string, phrases: string[]) {
  const folded = fold(text);
  // Folding can change a string's length (a letter and its accent become one): mark only when not.
  if (folded.length !== text.length || phrases.length === 0) return text;
  const spans: [number, number][] = [];
  for (const p of phrases) {
    const at = folded.indexOf(fold(p));
    if (at >= 0) spans.push([at, at + p.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const parts: (string | React.JSX.Element)[] = [];
  let from = 0;
  for (const [s, e] of spans) {
    if (s < from) continue;
    parts.push(text.slice(from, s), <mark key={s}>{text.slice(s, e)}</mark>);
    from = e;
  }
  parts.push(text.slice(from));
  return parts;
}
