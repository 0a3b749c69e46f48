import { useCall } from '../../api/qa.ts';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { RecordingPlayer } from '../qa/RecordingPlayer.tsx';
import { CallLink } from '../qa/shared.tsx';

/** One call a session is about: its id (to the call's page) and its recording in the player. */
export function CallRecording({ callId, fmt }: { callId: string; fmt: Formatters }) {
  const t = useT();
  const call = useCall(callId);
  return (
    <div className="coaching-call" data-call={callId}>
      <p>
        <CallLink callId={callId} />
      </p>
      {call.isError ? (
        <ErrorState compact error={call.error} onRetry={() => void call.refetch()} />
      ) : !call.data ? (
        <Skeleton height={80} />
      ) : call.data.call.recordingUrl ? (
        <RecordingPlayer url={call.data.call.recordingUrl} fmt={fmt} />
      ) : (
        <p className="cell-muted">{t('qa.recording.none')}</p>
      )}
    </div>
  );
}
