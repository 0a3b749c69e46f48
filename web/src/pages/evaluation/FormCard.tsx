import { useMemo, useState } from 'react';
import { scoreAnswers } from '../../../../core/form-score.ts';
import type { EvaluationDetail } from '../../../../schemas/evaluations.ts';
import { can } from '../../../../schemas/policy.ts';
import { useForm } from '../../api/qa.ts';
import { useSession } from '../../auth/session.tsx';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { FormAnswers, ScoreSummary } from '../qa/FormAnswers.tsx';
import { AppealAction } from './AppealAction.tsx';
import { AutoProposal } from './AutoProposal.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { DraftActions } from './DraftActions.tsx';
import { OperatorActions } from './OperatorActions.tsx';
import { useEvaluationActions } from './useEvaluationActions.ts';
import { decides, openLevel, scoreText, workspaceMode } from './workspace.ts';

/**
 * The form answered: live-scored while it is edited (a draft, a revision), the server's score
 * when read; beside it what the user may do with it.
 */
export function FormCard({
  evaluation,
  backTo,
  onComment,
  onSeek,
}: {
  evaluation: EvaluationDetail;
  /** Where a discarded draft leaves to. */
  backTo: string;
  onComment: ((questionId: string, text: string) => Promise<unknown>) | null;
  /** Plays the recording from a moment (a piece of AutoQA's evidence). */
  onSeek: (seconds: number) => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const { user } = useSession();
  const form = useForm(evaluation.formId);
  const ws = useEvaluationActions(evaluation);
  const mode = workspaceMode(evaluation, user, ws.revising);
  const definition = form.data?.form.definition ?? null;
  const live = useMemo(
    () => (definition && mode !== 'read' ? scoreAnswers(definition, ws.answers) : null),
    [definition, ws.answers, mode],
  );
  const shown = mode === 'read' ? evaluation.breakdown : live;
  // AutoQA's answers by question, and those the monitor accepted in this draft.
  const auto = useMemo(
    () => new Map(evaluation.autoAnswers.map((a) => [a.questionId, a] as const)),
    [evaluation.autoAnswers],
  );
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const shownAnswers = mode === 'read' ? (evaluation.answers ?? {}) : ws.answers;

  return (
    <section className="card workspace-form" aria-labelledby="form-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="form-title">
            {evaluation.formName ?? t('qa.form')}
          </h2>
          <span className="card-meta">{t(`qa.mode.${mode}`)}</span>
        </div>
      </header>
      <div className="card-body">
        {form.isError ? (
          <ErrorState compact error={form.error} onRetry={() => void form.refetch()} />
        ) : !definition ? (
          <Skeleton height={480} />
        ) : (
          <div className="form-with-score">
            <FormAnswers
              definition={definition}
              answers={shownAnswers}
              {...(mode !== 'read' ? { onChange: ws.change } : {})}
              extra={(q) => {
                const a = auto.get(q.id);
                if (!a) return null;
                return (
                  <AutoProposal
                    auto={a}
                    value={shownAnswers[q.id]}
                    accepted={accepted.has(q.id)}
                    {...(mode === 'edit'
                      ? {
                          onAccept: () => {
                            ws.change({ ...ws.answers, [q.id]: a.proposed });
                            setAccepted(new Set([...accepted, q.id]));
                          },
                        }
                      : {})}
                    onSeek={onSeek}
                    fmt={fmt}
                  />
                );
              }}
              result={shown}
              comments={evaluation.comments}
              {...(onComment ? { onComment } : {})}
              fmt={fmt}
            />
            <aside className="score-aside">
              {shown ? (
                <ScoreSummary
                  result={shown}
                  definition={definition}
                  fmt={fmt}
                  label={mode === 'read' ? t('qa.score.server') : t('qa.score.live')}
                />
              ) : (
                <p className="cell-muted">{t('qa.score.none')}</p>
              )}
              {mode === 'edit' && <DraftActions evaluationId={evaluation.id} ws={ws} backTo={backTo} />}
              {mode === 'read' && evaluation.submittedAt && (
                <p className="aside-note">
                  {t('qa.evaluation.submittedAt', { date: dt.dateTime(evaluation.submittedAt) })}
                </p>
              )}
              <OperatorActions
                evaluation={evaluation}
                questions={definition?.sections.flatMap((sec) => sec.questions) ?? []}
                canAct={can(user.role, 'evaluations.acknowledge')}
                busy={ws.busy}
                onAcknowledge={() =>
                  ws.acknowledge.mutate(evaluation.id, {
                    onSuccess: () => ws.done(t('qa.result.acknowledged')),
                  })
                }
                onDispute={(reason, questions) =>
                  ws.dispute.mutate(
                    { id: evaluation.id, reason, questions },
                    { onSuccess: () => ws.done(t('qa.result.disputed')) },
                  )
                }
              />
              <AppealAction
                evaluation={evaluation}
                canAct={can(user.role, 'evaluations.appeal')}
                busy={ws.busy}
                onAppeal={(reason) =>
                  ws.appeal.mutate(
                    { id: evaluation.id, reason },
                    { onSuccess: () => ws.done(t('ap.result.appealed')) },
                  )
                }
              />
              {decides(evaluation, user) && (
                <DecisionPanel
                  appeal={openLevel(evaluation) >= 2}
                  revising={ws.revising}
                  busy={ws.busy}
                  onRevise={ws.revise}
                  onDecide={(decision, note) =>
                    (openLevel(evaluation) >= 2 ? ws.decideAppeal : ws.decide).mutate(
                      {
                        id: evaluation.id,
                        decision,
                        note,
                        ...(decision === 'revised' ? { answers: ws.answers } : {}),
                      },
                      {
                        onSuccess: (r) =>
                          ws.done(
                            decision === 'upheld'
                              ? t('qa.result.upheld')
                              : t('qa.result.revised', { score: scoreText(r.evaluation.score, fmt) }),
                            true,
                          ),
                      },
                    )
                  }
                />
              )}
              <FormFeedback ok={ws.message} error={ws.failure} />
            </aside>
          </div>
        )}
      </div>
    </section>
  );
}
