import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { scoreAnswers } from '../../../../core/form-score.ts';
import type { Answers } from '../../../../schemas/forms.ts';
import { useSelfEvaluation, useSubmitSelfEvaluation } from '../../api/coaching.ts';
import { useForm } from '../../api/qa.ts';
import { useCan } from '../../auth/access.tsx';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useBackLink } from '../../components/useBackLink.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { CallRecording } from '../coaching/CallRecording.tsx';
import { FormAnswers, ScoreSummary } from '../qa/FormAnswers.tsx';
import { signed } from '../qa/shared.tsx';

/**
 * One self-evaluation: the operator scores his call on the form (the monitor's answers are not
 * shown before he submits); afterwards, his answers and the monitor's side by side.
 */
export default function SelfEvaluationPage() {
  const t = useT();
  const fmt = useFormat();
  const id = Number(useParams().id);
  const q = useSelfEvaluation(id);
  const s = q.data?.selfEvaluation;
  const form = useForm(s?.formId ?? null);
  const submit = useSubmitSelfEvaluation(id);
  const maySubmit = useCan('selfEvaluations.submit');
  const [answers, setAnswers] = useState<Answers>({});
  const definition = form.data?.form.definition ?? null;
  const live = useMemo(() => (definition ? scoreAnswers(definition, answers) : null), [definition, answers]);
  useDocumentTitle(t('self.page.title', { call: s?.callId ?? '' }));
  const back = useBackLink('/self-evaluations');

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!s || !definition)
    return (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton height={320} />
      </LoadingRegion>
    );
  const scoring = s.status === 'requested' && maySubmit;
  return (
    <div className="page">
      <PageHeader
        title={t('self.page.title', { call: s.callId })}
        subtitle={`${s.operatorName} · ${s.formName ?? ''}`}
        back={back}
        actions={
          s.gap !== null ? (
            <span className="badge badge-neutral" data-testid="self-gap-value">
              {t('self.col.gap')}: {signed(fmt, s.gap)}
            </span>
          ) : undefined
        }
      />
      <section className="card">
        <div className="card-body">
          <CallRecording callId={s.callId} fmt={fmt} />
        </div>
      </section>
      {scoring ? (
        <form
          className="card workspace-form"
          aria-label={t('self.page.score')}
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate(answers);
          }}
        >
          <header className="card-header">
            <h2 className="card-title">{t('self.page.score')}</h2>
          </header>
          <div className="card-body">
            <p className="cell-muted">{t('self.page.hint')}</p>
            {live && (
              <ScoreSummary result={live} label={t('self.col.self')} fmt={fmt} definition={definition} />
            )}
            <FormAnswers
              definition={definition}
              answers={answers}
              onChange={setAnswers}
              result={live}
              fmt={fmt}
            />
            <FormFeedback error={submit.error} />
            <button type="submit" className="button button-primary" disabled={submit.isPending}>
              {t('self.page.submit')}
            </button>
          </div>
        </form>
      ) : s.status === 'requested' ? (
        <section className="card">
          <div className="card-body">
            <p>{t('self.page.waiting')}</p>
          </div>
        </section>
      ) : (
        <div className="side-by-side" data-testid="side-by-side">
          <section className="card" aria-labelledby="self-own">
            <header className="card-header">
              <h2 className="card-title" id="self-own">
                {t('self.col.self')}
              </h2>
            </header>
            <div className="card-body">
              <ScoreSummary
                result={scoreAnswers(definition, s.answers ?? {})}
                label={t('self.col.self')}
                fmt={fmt}
                definition={definition}
              />
              <FormAnswers
                definition={definition}
                answers={s.answers ?? {}}
                result={scoreAnswers(definition, s.answers ?? {})}
                fmt={fmt}
              />
            </div>
          </section>
          <section className="card" aria-labelledby="self-monitor">
            <header className="card-header">
              <h2 className="card-title" id="self-monitor">
                {t('self.col.monitor')}
              </h2>
            </header>
            <div className="card-body">
              {s.monitor?.answers ? (
                <>
                  <ScoreSummary
                    result={scoreAnswers(definition, s.monitor.answers)}
                    label={`${t('self.col.monitor')} · ${s.monitor.evaluator}`}
                    fmt={fmt}
                    definition={definition}
                  />
                  <FormAnswers
                    definition={definition}
                    answers={s.monitor.answers}
                    result={scoreAnswers(definition, s.monitor.answers)}
                    fmt={fmt}
                  />
                </>
              ) : (
                <p className="cell-muted">{t('self.page.noMonitor')}</p>
              )}
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
