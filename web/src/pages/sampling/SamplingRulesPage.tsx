import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { SamplingRuleView } from '../../../../schemas/sampling-rules.ts';
import { useRunSampling, useSamplingRules, useSamplingWorklist } from '../../api/sampling.ts';
import { useCan } from '../../auth/access.tsx';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { type Translate, useT } from '../../i18n/index.ts';
import { SamplingRuleForm } from './SamplingRuleForm.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function lastRefillOf(t: Translate, r: SamplingRuleView): string {
  if (!r.lastRefill) return t('sampling.neverRan');
  const c = r.lastRefill.counts;
  return t('sampling.refillCounts', {
    date: r.lastRefill.runOn,
    assigned: c.assigned,
    wanted: c.wanted,
    candidates: c.candidates,
    overCap: c.overCap,
  });
}

/** The QA lead's sampling rules (heads read them) and the calls they gave; a monitor sees his own. */
export default function SamplingRulesPage() {
  const t = useT();
  const id = useId();
  useDocumentTitle(t('nav.sampling'));
  const reads = useCan('sampling.read');
  const edits = useCan('sampling.edit');
  const rules = useSamplingRules(reads);
  const worklist = useSamplingWorklist(null);
  const run = useRunSampling();
  const [editing, setEditing] = useState<SamplingRuleView | 'new' | null>(null);
  const [date, setDate] = useState(today());

  return (
    <div className="page">
      <PageHeader
        title={t('nav.sampling')}
        subtitle={t('sampling.subtitle')}
        actions={
          edits && editing === null ? (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => setEditing('new')}
            >
              {t('sampling.new')}
            </button>
          ) : undefined
        }
      />
      {editing !== null && (
        <SamplingRuleForm rule={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
      {reads && (
        <section className="card" aria-labelledby={`${id}-rules`}>
          <header className="card-header">
            <h2 className="card-title" id={`${id}-rules`}>
              {t('sampling.rules')}
            </h2>
            {edits && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  run.mutate({ date });
                }}
              >
                <label className="field-label" htmlFor={`${id}-date`}>
                  {t('sampling.runDate')}
                </label>
                <input
                  id={`${id}-date`}
                  className="input"
                  type="date"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
                <button type="submit" className="button button-small" disabled={run.isPending}>
                  {t('sampling.runNow')}
                </button>
              </form>
            )}
          </header>
          <FormFeedback error={run.error} />
          {run.data && (
            <p className="card-body" role="status" data-testid="sampling-ran">
              {t('sampling.ranSummary', {
                date: run.data.date,
                ran: run.data.results.filter((r) => r.ran).length,
                assigned: run.data.results.reduce((s, r) => s + (r.counts?.assigned ?? 0), 0),
              })}
            </p>
          )}
          {rules.isError ? (
            <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
          ) : !rules.data ? (
            <LoadingRegion label={t('app.loading')}>
              <Skeleton height={120} />
            </LoadingRegion>
          ) : rules.data.rules.length === 0 ? (
            <EmptyState title={t('sampling.noRules')}>{t('sampling.noRulesBody')}</EmptyState>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="sampling-rules">
                <thead>
                  <tr>
                    <th>{t('sampling.name')}</th>
                    <th>{t('sampling.schedule')}</th>
                    <th>{t('sampling.quota')}</th>
                    <th>{t('sampling.monitorsColumn')}</th>
                    <th>{t('sampling.capColumn')}</th>
                    <th>{t('sampling.lastRefill')}</th>
                    {edits && <th aria-label={t('sampling.edit')} />}
                  </tr>
                </thead>
                <tbody>
                  {rules.data.rules.map((r) => (
                    <tr key={r.id} className={r.active ? undefined : 'is-muted'}>
                      <td>
                        {r.name}
                        {!r.active && ` (${t('sampling.inactive')})`}
                      </td>
                      <td className="sampling-wrap">{t(`sampling.schedule.${r.schedule}`)}</td>
                      <td className="sampling-wrap">
                        {r.quota === 'count'
                          ? t('sampling.quotaOf.count', { n: r.perOperator })
                          : t('sampling.quotaOf.percent', { p: r.percent, min: r.minPerOperator })}
                      </td>
                      <td>{r.monitors.length ? r.monitors.join(', ') : t('sampling.everyMonitor')}</td>
                      <td>{r.capPerMonitorPerDay}</td>
                      <td className="sampling-last">{lastRefillOf(t, r)}</td>
                      {edits && (
                        <td>
                          <button type="button" className="button button-small" onClick={() => setEditing(r)}>
                            {t('sampling.edit')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <section className="card" aria-labelledby={`${id}-worklist`}>
        <header className="card-header">
          <h2 className="card-title" id={`${id}-worklist`}>
            {t('sampling.worklist')}
          </h2>
        </header>
        {worklist.isError ? (
          <ErrorState error={worklist.error} onRetry={() => void worklist.refetch()} />
        ) : !worklist.data ? (
          <LoadingRegion label={t('app.loading')}>
            <Skeleton height={120} />
          </LoadingRegion>
        ) : worklist.data.items.length === 0 ? (
          <EmptyState title={t('sampling.worklistEmpty')} />
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="sampling-worklist">
              <thead>
                <tr>
                  <th>{t('sampling.date')}</th>
                  <th>{t('sampling.call')}</th>
                  <th>{t('sampling.operator')}</th>
                  <th>{t('sampling.monitor')}</th>
                  <th>{t('sampling.rule')}</th>
                  <th>{t('sampling.status')}</th>
                </tr>
              </thead>
              <tbody>
                {worklist.data.items.map((i) => (
                  <tr key={i.callId}>
                    <td>{i.runOn}</td>
                    <td>
                      <Link to={`/calls/${encodeURIComponent(i.callId)}`}>{i.callId}</Link>
                    </td>
                    <td>{i.operatorId}</td>
                    <td>{i.monitor}</td>
                    <td>{i.ruleName}</td>
                    <td>{i.done ? t('sampling.done') : t('sampling.todo')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
