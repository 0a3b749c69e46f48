import type { RefObject } from 'react';
import type { useCall } from '../../api/qa.ts';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { type PlayerHandle, RecordingPlayer } from '../qa/RecordingPlayer.tsx';

/** The call's recording in the player, with its talk time. */
export function RecordingCard({
  call,
  player,
  fmt,
  onTime,
}: {
  call: ReturnType<typeof useCall>;
  player: RefObject<PlayerHandle | null>;
  fmt: Formatters;
  onTime?: (seconds: number) => void;
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="recording-title">
      <header className="card-header">
        <h2 className="card-title" id="recording-title">
          {t('qa.recording')}
        </h2>
        {call.data?.call.talkS != null && (
          <span className="card-meta">
            {t('qa.recording.talk', { time: fmt.duration(call.data.call.talkS) })}
          </span>
        )}
      </header>
      <div className="card-body">
        {call.isError ? (
          <ErrorState compact error={call.error} onRetry={() => void call.refetch()} />
        ) : !call.data ? (
          <Skeleton height={120} />
        ) : call.data.call.recordingUrl ? (
          <RecordingPlayer
            ref={player}
            url={call.data.call.recordingUrl}
            fmt={fmt}
            {...(onTime ? { onTime } : {})}
          />
        ) : (
          <p className="cell-muted">{t('qa.recording.none')}</p>
        )}
      </div>
    </section>
  );
}
