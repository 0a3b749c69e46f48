import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CallDetail } from '../../../schemas/calls.ts';
import type { FormSummary } from '../../../schemas/forms.ts';
import { useNames } from '../api/names.ts';
import { useCall, useForms, useStartEvaluation } from '../api/qa.ts';
import { useCan } from '../auth/access.tsx';
import { useSession } from '../auth/session.tsx';
import { useClock } from '../clock.ts';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ErrorState } from '../components/states.tsx';
import { useBackLink } from '../components/useBackLink.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { CallFactsCard } from './qa/CallFactsCard.tsx';
import { RecordingPlayer } from './qa/RecordingPlayer.tsx';
import { Score, StatusBadge, WorkspaceSkeleton } from './qa/shared.tsx';

/** The form a call most likely wants: one named after its direction, else the first. */
function defaultForm(call: CallDetail, forms: readonly FormSummary[]): number | null {
  const byDirection = forms.find((f) => `${f.formKey} ${f.name}`.toLowerCase().includes(call.direction));
  return (byDirection ?? forms[0])?.id ?? null;
}

/** One call: its facts and recording, its evaluations, and a new evaluation on a chosen form. */
export default function CallPage() {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const names = useNames();
  const { id = '' } = useParams();
  useDocumentTitle(t('qa.callPage.title', { id }));
  const navigate = useNavigate();
  const { user } = useSession();
  const call = useCall(id);
  const forms = useForms();
  const start = useStartEvaluation();
  const formId = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const monitor = useCan('evaluations.score');
  const back = useBackLink('/calls');

  if (call.isError) {
    return (
      <div className="page">
        <h1 className="page-title">{t('qa.callPage.title', { id })}</h1>
        <ErrorState error={call.error} onRetry={() => void call.refetch()} />
      </div>
    );
  }
  const c = call.data?.call;
  if (!c) {
    return <WorkspaceSkeleton mainHeight={420} />;
  }
  const published = (forms.data?.forms ?? []).filter((f) => f.status === 'published');
  const form = chosen ?? defaultForm(c, published);
  const mine = c.evaluations.find((e) => e.evaluator === user.username && !e.calibration);

  return (
    <div className="page">
      <PageHeader
        back={back}
        title={t('qa.callPage.title', { id: c.callId })}
        subtitle={t('qa.callPage.subtitle', {
          operator: c.operator?.name ?? '—',
          date: dt.withZone(dt.dateTime(c.startedAt)),
        })}
      />
      <div className="workspace">
        <div className="workspace-side">
          <section className="card" aria-labelledby="recording-title">
            <header className="card-header">
              <h2 className="card-title" id="recording-title">
                {t('qa.recording')}
              </h2>
            </header>
            <div className="card-body">
              {c.recordingUrl ? (
                <RecordingPlayer url={c.recordingUrl} fmt={fmt} />
              ) : (
                <p className="cell-muted">{t('qa.recording.none')}</p>
              )}
            </div>
          </section>
          <CallFactsCard call={c} fmt={fmt} />
        </div>
        <div className="workspace-main">
          {monitor && (
            <section className="card" aria-labelledby="start-title">
              <header className="card-header">
                <h2 className="card-title" id="start-title">
                  {t('qa.callPage.evaluate')}
                </h2>
              </header>
              <div className="card-body start-evaluation">
                {mine ? (
                  <p>
                    {t('qa.callPage.yours', { status: t(`qa.status.${mine.status}`) })}{' '}
                    <Link to={`/evaluations/${encodeURIComponent(mine.id)}`}>
                      {t('qa.callPage.openYours')}
                    </Link>
                  </p>
                ) : forms.isError ? (
                  <ErrorState compact error={forms.error} onRetry={() => void forms.refetch()} />
                ) : published.length === 0 && forms.data ? (
                  <p className="cell-muted">{t('qa.callPage.noForms')}</p>
                ) : (
                  <form
                    className="start-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (form === null) return;
                      start.mutate(
                        { callId: c.callId, formId: form },
                        { onSuccess: (r) => navigate(`/evaluations/${encodeURIComponent(r.evaluation.id)}`) },
                      );
                    }}
                  >
                    <div className="field">
                      <label className="field-label" htmlFor={formId}>
                        {t('qa.form')}
                      </label>
                      <select
                        id={formId}
                        className="select"
                        value={form ?? ''}
                        onChange={(e) => setChosen(Number(e.target.value))}
                      >
                        {published.map((f) => (
                          <option key={f.id} value={f.id}>
                            {t('qa.forms.nameVersion', { name: f.name, version: f.version })}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button
                      type="submit"
                      className="button button-primary"
                      disabled={form === null || start.isPending}
                    >
                      {start.isPending ? t('qa.action.starting') : t('qa.action.start')}
                    </button>
                  </form>
                )}
                <FormFeedback error={start.error} />
              </div>
            </section>
          )}
          <section className="card" aria-labelledby="evals-title">
            <header className="card-header">
              <h2 className="card-title" id="evals-title">
                {t('qa.callPage.evaluations')}
              </h2>
              <span className="card-meta">{t('qa.count.evaluations', { count: c.evaluations.length })}</span>
            </header>
            {c.evaluations.length === 0 ? (
              <p className="card-body cell-muted">{t('qa.callPage.noEvaluations')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('qa.col.evaluation')}</th>
                      <th scope="col">{t('qa.col.evaluator')}</th>
                      <th scope="col">{t('qa.col.status')}</th>
                      <th scope="col" className="num">
                        {t('qa.col.score')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.evaluations.map((e) => (
                      <tr key={e.id}>
                        <td>
                          <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{e.id}</Link>
                          {e.calibration && (
                            <span className="badge badge-muted">{t('qa.calibrationShort')}</span>
                          )}
                        </td>
                        <td className="cell-muted">{names.user(e.evaluator)}</td>
                        <td>
                          <StatusBadge status={e.status} />
                        </td>
                        <td className="num">
                          <Score score={e.score} critical={e.criticalFailed} fmt={fmt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
