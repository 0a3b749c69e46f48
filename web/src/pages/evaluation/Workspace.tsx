import { useMemo, useRef } from 'react';
import type { EvaluationDetail } from '../../../../schemas/evaluations.ts';
import { useNames } from '../../api/names.ts';
import { useCall, useComment } from '../../api/qa.ts';
import { useCan } from '../../auth/access.tsx';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useBackLink } from '../../components/useBackLink.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { OpenCoachingLink } from '../coaching/OpenCoachingLink.tsx';
import { CallFactsCard } from '../qa/CallFactsCard.tsx';
import type { PlayerHandle } from '../qa/RecordingPlayer.tsx';
import { Score, StatusBadge } from '../qa/shared.tsx';
import { CommentsCard } from './CommentsCard.tsx';
import { DisputeHistory } from './DisputeHistory.tsx';
import { FormCard } from './FormCard.tsx';
import { createPlayhead } from './playhead.ts';
import { RecordingCard } from './RecordingCard.tsx';
import { TranscriptCard } from './TranscriptCard.tsx';
import { usualOrigin } from './workspace.ts';

/** One evaluation's workspace: the recording, comments and call facts beside the form. */
export function Workspace({ evaluation }: { evaluation: EvaluationDetail }) {
  const t = useT();
  const names = useNames();
  const fmt = useFormat();
  const { user } = useSession();
  const call = useCall(evaluation.callId);
  const comment = useComment();
  const player = useRef<PlayerHandle>(null);
  const playhead = useMemo(createPlayhead, []);
  const seek = (s: number) => player.current?.seek(s);
  // The link back goes where the user came from: the disputes stay the disputes after a revision.
  const back = useBackLink(usualOrigin(evaluation, user));
  const mayComment = useCan('evaluations.comment');

  return (
    <div className="page">
      <PageHeader
        back={back}
        title={
          evaluation.calibration
            ? t('qa.evaluation.calibrationTitle')
            : t('qa.evaluation.title', { id: evaluation.id })
        }
        subtitle={t('qa.evaluation.subtitle', {
          form: evaluation.formName ?? '—',
          version: evaluation.formVersion ?? '—',
          evaluator: names.user(evaluation.evaluator),
        })}
        actions={
          <div className="header-figures">
            {evaluation.operatorId && !evaluation.calibration && evaluation.status !== 'draft' && (
              <OpenCoachingLink
                prefill={{
                  operator: evaluation.operatorId,
                  source: 'evaluation',
                  ref: evaluation.id,
                  calls: [evaluation.callId],
                  findings:
                    evaluation.score !== null
                      ? [`${evaluation.id}: ${fmt.decimal(evaluation.score, 2)}`]
                      : [],
                  criterion: 'qualityScore',
                }}
              />
            )}
            <StatusBadge status={evaluation.status} />
            {evaluation.score !== null && (
              <span className="header-score">
                {t('qa.score')}{' '}
                <Score score={evaluation.score} critical={evaluation.criticalFailed} fmt={fmt} />
              </span>
            )}
          </div>
        }
      />

      <div className="workspace">
        <div className="workspace-side">
          <RecordingCard call={call} player={player} fmt={fmt} onTime={playhead.set} />
          <TranscriptCard callId={evaluation.callId} playhead={playhead} onSeek={seek} fmt={fmt} />
          <CommentsCard
            evaluation={evaluation}
            fmt={fmt}
            onSeek={seek}
            currentTime={() => player.current?.currentTime() ?? 0}
            onAdd={
              mayComment
                ? (text, offsetS) =>
                    comment.mutateAsync({ id: evaluation.id, text, questionId: null, offsetS })
                : null
            }
            error={comment.error}
          />
          {call.data && <CallFactsCard call={call.data.call} fmt={fmt} />}
        </div>
        <FormCard
          evaluation={evaluation}
          backTo={back.to}
          onSeek={(s) => player.current?.playFrom(s)}
          onComment={
            mayComment && (user.role !== 'operator' || evaluation.evaluator === user.username)
              ? (questionId, text) =>
                  comment.mutateAsync({ id: evaluation.id, text, questionId, offsetS: null })
              : null
          }
        />
      </div>
      {evaluation.disputes.length > 0 && <DisputeHistory evaluation={evaluation} fmt={fmt} />}
    </div>
  );
}
