import { useEffect, useRef } from 'react';
import type { TranscriptSegmentView } from '../../../../schemas/autoqa.ts';
import { useTranscript } from '../../api/autoqa.ts';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { type Playhead, segmentAt, usePlayhead } from './playhead.ts';

/**
 * What was said, beside the player: the segments by speaker, the one being heard highlighted and
 * kept in view as the recording plays; a segment is a button that plays the recording from it.
 */
export function TranscriptCard({
  callId,
  playhead,
  onSeek,
  fmt,
}: {
  callId: string;
  playhead: Playhead;
  onSeek: (seconds: number) => void;
  fmt: Formatters;
}) {
  const t = useT();
  const transcript = useTranscript(callId);
  const segments = transcript.data?.segments ?? [];
  const current = usePlayhead(playhead, (s) => segmentAt(segments, s));
  const listRef = useRef<HTMLOListElement>(null);

  // The segment heard stays in view inside the list, without scrolling the page.
  useEffect(() => {
    const list = listRef.current;
    const item = current < 0 ? null : (list?.children[current] as HTMLElement | undefined);
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  }, [current]);

  // A call without a transcript shows no card at all.
  if (transcript.data === null) return null;
  return (
    <section className="card" aria-labelledby="transcript-title">
      <header className="card-header">
        <h2 className="card-title" id="transcript-title">
          {t('aq.transcript.title')}
        </h2>
        {transcript.data && (
          <span className="card-meta">
            {t('aq.transcript.meta', {
              language: transcript.data.language.toUpperCase(),
              count: transcript.data.segments.length,
            })}
          </span>
        )}
      </header>
      <div className="card-body">
        {transcript.isError ? (
          <ErrorState compact error={transcript.error} onRetry={() => void transcript.refetch()} />
        ) : !transcript.data ? (
          <Skeleton height={200} />
        ) : (
          <>
            {!transcript.data.speakersKnown && <p className="cell-muted">{t('aq.transcript.mono')}</p>}
            <ol className="transcript" ref={listRef} aria-label={t('aq.transcript.title')}>
              {segments.map((s, i) => (
                <Segment key={s.seq} s={s} current={i === current} onSeek={onSeek} fmt={fmt} />
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

function Segment({
  s,
  current,
  onSeek,
  fmt,
}: {
  s: TranscriptSegmentView;
  current: boolean;
  onSeek: (seconds: number) => void;
  fmt: Formatters;
}) {
  const t = useT();
  const speaker = t(`aq.speaker.${s.speaker}`);
  return (
    <li
      className={`transcript-seg seg-${s.speaker}${current ? ' is-current' : ''}`}
      aria-current={current ? 'true' : undefined}
      data-seq={s.seq}
    >
      <button
        type="button"
        className="transcript-seg-button"
        onClick={() => onSeek(s.startS)}
        aria-label={t('aq.transcript.play', { time: fmt.duration(s.startS), speaker, text: s.text })}
      >
        <span className="transcript-seg-head">
          <span className="transcript-speaker">{speaker}</span>
          <span className="transcript-time">{fmt.duration(s.startS)}</span>
        </span>
        <span className="transcript-text">{s.text}</span>
      </button>
    </li>
  );
}
