import type { AutoAnswerView } from '../../../../schemas/evaluations.ts';
import type { AnswerValue } from '../../../../schemas/forms.ts';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useLanguage, useT } from '../../i18n/index.ts';
import { REASON_LABEL } from '../autoqa/reasons.ts';
import { proposalState } from './auto-answers.ts';

/**
 * AutoQA's answer to one question of the form: the check's result and what decided it (a piece of
 * evidence is a button that plays that moment), whether the monitor kept it, and Accept.
 */
export function AutoProposal({
  auto,
  value,
  accepted,
  onAccept,
  onSeek,
  fmt,
}: {
  auto: AutoAnswerView;
  /** The answer the question has now. */
  value: AnswerValue | undefined;
  /** The monitor accepted it in this draft; ignored when reading. */
  accepted: boolean;
  /** Given while the answers are edited. */
  onAccept?: () => void;
  onSeek: (seconds: number) => void;
  fmt: Formatters;
}) {
  const t = useT();
  const language = useLanguage();
  const state = proposalState(auto, value, accepted, onAccept !== undefined);
  const e = auto.evidence;
  const label = auto.labels[language as 'en' | 'ru' | 'ro'] ?? auto.labels.en;
  return (
    <div className={`auto-proposal is-${auto.result}`} data-auto={auto.checkKey}>
      <div className="auto-proposal-main">
        <div className="auto-proposal-head">
          <span className={`badge badge-small auto-result auto-result-${auto.result}`}>
            {t('aq.proposal.result', { result: t(`aq.result.${auto.result}`) })}
          </span>
          <span className="auto-proposal-check">{label}</span>
          {state === 'accepted' && (
            <span className="badge badge-small auto-decision is-accepted">{t('aq.decision.accepted')}</span>
          )}
          {state === 'overridden' && (
            <span className="badge badge-small auto-decision is-overridden">
              {t('aq.decision.overridden')}
            </span>
          )}
        </div>
        <div className="auto-evidence">
          {e?.segments?.map((s) => (
            <button
              key={`${s.seq}-${s.phrase ?? s.productId ?? ''}`}
              type="button"
              className="time-chip evidence-chip"
              onClick={() => onSeek(s.startS)}
              aria-label={t('aq.evidence.play', { time: fmt.duration(s.startS) })}
              data-start={s.startS}
            >
              {fmt.duration(s.startS)}
              {(s.phrase ?? s.productId) && (
                <span className="evidence-phrase">«{s.phrase ?? s.productId}»</span>
              )}
            </button>
          ))}
          {e?.window && !e.segments?.length && (
            <button
              type="button"
              className="time-chip evidence-chip"
              onClick={() => onSeek(e.window?.fromS ?? 0)}
              aria-label={t('aq.evidence.playWindow', {
                from: fmt.duration(e.window.fromS),
                to: fmt.duration(e.window.toS),
              })}
              data-start={e.window.fromS}
            >
              {t('aq.evidence.window', {
                from: fmt.duration(e.window.fromS),
                to: fmt.duration(e.window.toS),
              })}
            </button>
          )}
          {e?.reason && (
            <span className="auto-reason">
              {REASON_LABEL[e.reason] ? t(REASON_LABEL[e.reason] as MessageKey) : e.reason}
            </span>
          )}
          {e?.count !== undefined && (
            <span className="auto-count">{t('aq.evidence.count', { count: e.count })}</span>
          )}
        </div>
      </div>
      {onAccept && auto.proposes && state !== 'accepted' && (
        <button
          type="button"
          className="button button-secondary button-small auto-accept"
          onClick={onAccept}
          aria-label={t('aq.proposal.acceptLabel', { check: label })}
        >
          {t('aq.proposal.accept')}
        </button>
      )}
    </div>
  );
}
