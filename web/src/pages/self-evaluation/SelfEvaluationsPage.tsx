import { Link, useSearchParams } from 'react-router';
import type { SelfEvaluationView } from '../../../../schemas/self-evaluations.ts';
import { useSelfEvaluations } from '../../api/coaching.ts';
import { usePeriods } from '../../api/hooks.ts';
import { useCan } from '../../auth/access.tsx';
import { useSession } from '../../auth/session.tsx';
import { useClock } from '../../clock.ts';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { usePeriodParam } from '../../components/usePeriodParam.ts';
import { type Formatters, useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { PeriodPageHeader, Score, signed } from '../qa/shared.tsx';
import { RequestSelfForm } from './RequestSelfForm.tsx';
import { SelfGapCard } from './SelfGapCard.tsx';

function SelfTable({
  rows,
  fmt,
  operator,
}: {
  rows: readonly SelfEvaluationView[];
  fmt: Formatters;
  operator: boolean;
}) {
  const t = useT();
  const dt = useClock();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('qa.col.call')}</th>
            {!operator && <th scope="col">{t('coaching.col.operator')}</th>}
            <th scope="col">{t('qa.col.form')}</th>
            <th scope="col" className="num">
              {t('self.col.self')}
            </th>
            <th scope="col" className="num">
              {t('self.col.monitor')}
            </th>
            <th scope="col" className="num">
              {t('self.col.gap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-self={s.callId}>
              <td>
                <Link to={`/self-evaluations/${s.id}`}>{s.callId}</Link>
                <span className="cell-sub">{dt.short(s.callStartedAt)}</span>
              </td>
              {!operator && <td className="cell-name">{s.operatorName}</td>}
              <td className="cell-muted">{s.formName ?? '—'}</td>
              <td className="num">
                {s.status === 'submitted' ? <Score score={s.score} fmt={fmt} /> : t('self.status.requested')}
              </td>
              <td className="num">
                <Score score={s.monitor?.score ?? null} fmt={fmt} />
              </td>
              <td className="num">{s.gap === null ? '—' : signed(fmt, s.gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Self-evaluations: the operator's calls to score himself and those he scored beside the monitor;
 * for QA and heads every one of their scope and the gap per operator; the QA lead asks for more.
 */
export default function SelfEvaluationsPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const operator = user.role === 'operator';
  const mayRequest = useCan('selfEvaluations.request');
  const [params] = useSearchParams();
  useDocumentTitle(t('nav.selfEvaluations'));
  const periodsQuery = usePeriods();
  const periods = periodsQuery.data?.periods ?? [];
  const { period, setPeriod } = usePeriodParam(periodsQuery.data?.periods);
  // The calls still to score whatever their month; those scored, of the month shown.
  const list = useSelfEvaluations({});
  const all = list.data?.selfEvaluations ?? [];
  const todo = all.filter((s) => s.status === 'requested');
  const done = all.filter(
    (s) => s.status === 'submitted' && (!period || s.callStartedAt.slice(0, 7) === period),
  );

  const body = (rows: readonly SelfEvaluationView[], empty: string) =>
    list.isError ? (
      <ErrorState error={list.error} onRetry={() => void list.refetch()} />
    ) : !list.data ? (
      <LoadingRegion label={t('app.loading')}>
        <div className="card-body">
          <Skeleton height={160} />
        </div>
      </LoadingRegion>
    ) : rows.length === 0 ? (
      <EmptyState title={empty} />
    ) : (
      <SelfTable rows={rows} fmt={fmt} operator={operator} />
    );

  return (
    <div className="page">
      <PeriodPageHeader
        title={t('nav.selfEvaluations')}
        subtitle={() => (operator ? t('self.subtitle.operator') : t('self.subtitle.qa'))}
        periods={periods}
        period={period}
        setPeriod={setPeriod}
      />
      {mayRequest && <RequestSelfForm initialCalls={params.getAll('call').join(', ')} />}
      <section className="card" aria-labelledby="self-todo-title">
        <header className="card-header">
          <h2 className="card-title" id="self-todo-title">
            {operator ? t('self.todo.title') : t('self.todo.titleQa')}
          </h2>
        </header>
        {body(todo, t('self.todo.empty'))}
      </section>
      <section className="card" aria-labelledby="self-done-title">
        <header className="card-header">
          <h2 className="card-title" id="self-done-title">
            {t('self.done.title')}
          </h2>
        </header>
        {body(done, t('self.done.empty'))}
      </section>
      <SelfGapCard period={period} fmt={fmt} />
    </div>
  );
}
