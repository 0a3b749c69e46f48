import { useSearchParams } from 'react-router';
import { useDisputesReport, useGraders } from '../../api/graders.ts';
import { usePeriods } from '../../api/hooks.ts';
import { useCan } from '../../auth/access.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { usePeriodParam } from '../../components/usePeriodParam.ts';
import { useT } from '../../i18n/index.ts';
import { PeriodPageHeader } from '../qa/shared.tsx';
import { DisputesReportCards } from './DisputesReportCards.tsx';
import { GradersTable } from './GradersTable.tsx';
import { MonitorEvaluations } from './MonitorEvaluations.tsx';
import { type GraderSort, isGraderSort, type Order } from './sort.ts';

/**
 * Grading the graders (QA lead, head, administrator; a monitor sees his own row): each monitor's
 * evaluations, grading time, strictness and agreement for the month, sortable, with a drill to
 * his evaluations; then which monitors and which questions are disputed and revised most.
 */
export default function GradersPage() {
  const t = useT();
  useDocumentTitle(t('gr.title'));
  const periodsQuery = usePeriods();
  const periods = periodsQuery.data?.periods ?? [];
  const { period, setPeriod } = usePeriodParam(periodsQuery.data?.periods);
  const graders = useGraders(period);
  const reportAllowed = useCan('qa.disputesReport');
  const report = useDisputesReport(period, reportAllowed);
  const [params, setParams] = useSearchParams();
  const wantedSort = params.get('sort');
  const sort: GraderSort = isGraderSort(wantedSort) ? wantedSort : 'evaluations';
  const order: Order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const monitor = params.get('monitor');
  const set = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  const error = periodsQuery.error ?? graders.error;
  const rows = graders.data?.monitors ?? [];
  const selected = rows.find((r) => r.monitor === monitor) ?? null;

  return (
    <div className="page">
      <PeriodPageHeader
        title={t('gr.title')}
        subtitle={(month) => t('gr.subtitle', { period: month })}
        periods={periods}
        period={period}
        setPeriod={setPeriod}
      />
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void periodsQuery.refetch();
            void graders.refetch();
          }}
        />
      ) : periodsQuery.data && periods.length === 0 ? (
        <EmptyState title={t('qa.noPeriods.title')}>{t('qa.noPeriods.body')}</EmptyState>
      ) : !graders.data ? (
        <LoadingRegion label={t('app.loading')}>
          <Skeleton height={320} />
        </LoadingRegion>
      ) : (
        <>
          <GradersTable
            rows={rows}
            sort={sort}
            order={order}
            selected={selected?.monitor ?? null}
            onSort={(k) =>
              set({
                sort: k,
                order: k === sort ? (order === 'asc' ? 'desc' : 'asc') : k === 'name' ? 'asc' : 'desc',
              })
            }
            onSelect={(m) => set({ monitor: m === selected?.monitor ? null : m })}
          />
          {selected && period && <MonitorEvaluations grader={selected} period={period} />}
          {reportAllowed &&
            (report.error ? (
              <ErrorState error={report.error} onRetry={() => void report.refetch()} />
            ) : report.data ? (
              <DisputesReportCards report={report.data} />
            ) : null)}
        </>
      )}
    </div>
  );
}
