import { Link } from 'react-router';
import type { GraderRow } from '../../../../schemas/graders.ts';
import { useNames } from '../../api/names.ts';
import { useEvaluations } from '../../api/qa.ts';
import { useClock } from '../../clock.ts';
import { Card } from '../../components/Card.tsx';
import { ColumnHeads } from '../../components/ColumnHeads.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { Score, StatusBadge } from '../qa/shared.tsx';

/** The drill of a graders row: the monitor's evaluations of the month, each opening its workspace. */
export function MonitorEvaluations({ grader, period }: { grader: GraderRow; period: string }) {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const names = useNames();
  const list = useEvaluations({ evaluator: grader.monitor, period, limit: 200 });
  const rows = (list.data?.evaluations ?? []).filter((e) => e.status !== 'draft');
  return (
    <Card
      id="grader-evaluations-title"
      title={t('gr.drill.title', { name: grader.displayName })}
      meta={<span className="card-meta">{t('qa.count.evaluations', { count: rows.length })}</span>}
    >
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingRegion label={t('app.loading')}>
          <div className="card-body">
            <Skeleton height={160} />
          </div>
        </LoadingRegion>
      ) : rows.length === 0 ? (
        <EmptyState title={t('gr.drill.empty')}>{t('gr.empty.body')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="grader-evaluations">
            <ColumnHeads
              columns={[
                t('qa.col.evaluation'),
                t('qa.col.operator'),
                dt.withZone(t('qa.col.call')),
                t('qa.col.status'),
                { label: t('qa.col.score'), num: true },
              ]}
            />
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{e.id}</Link>
                    <span className="cell-sub">{e.formName ?? ''}</span>
                  </td>
                  <td className="cell-name">
                    {names.operator(e.operatorId)}
                    <span className="cell-sub">{e.operatorId}</span>
                  </td>
                  <td className="cell-muted">
                    {e.callId}
                    <span className="cell-sub">{dt.short(e.callStartedAt)}</span>
                  </td>
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
    </Card>
  );
}
