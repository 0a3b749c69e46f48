import { Suspense } from 'react';
import { useNames } from '../../api/names.ts';
import type { useStrictness } from '../../api/qa.ts';
import { Card } from '../../components/Card.tsx';
import { ColumnHeads } from '../../components/ColumnHeads.tsx';
import { strictnessChunk } from '../../components/charts/chunks.ts';
import { lazyFrom } from '../../components/chunk.ts';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { signed } from '../qa/shared.tsx';
import { deviationClass } from './calibration.ts';

const StrictnessChart = lazyFrom(strictnessChunk, (m) => m.default);

/** Each monitor's mean deviation over closed sessions: a chart and its table. */
export function StrictnessCard({ strictness }: { strictness: ReturnType<typeof useStrictness> }) {
  const t = useT();
  const fmt = useFormat();
  const names = useNames();
  return (
    <Card
      id="strictness-title"
      title={t('qa.strictness.title')}
      meta={<span className="card-meta">{t('qa.strictness.hint')}</span>}
    >
      <div className="card-body">
        {strictness.isError ? (
          <ErrorState compact error={strictness.error} onRetry={() => void strictness.refetch()} />
        ) : !strictness.data ? (
          <Skeleton height={240} />
        ) : strictness.data.monitors.length === 0 ? (
          <p className="cell-muted">{t('qa.strictness.empty')}</p>
        ) : (
          <div className="strictness">
            <Suspense fallback={<Skeleton height={240} />}>
              <StrictnessChart monitors={strictness.data.monitors} fmt={fmt} />
            </Suspense>
            <table className="data-table compact-table">
              <ColumnHeads
                columns={[
                  t('qa.col.monitor'),
                  { label: t('qa.col.sessions'), num: true },
                  { label: t('qa.col.meanDeviation'), num: true },
                ]}
              />
              <tbody>
                {strictness.data.monitors.map((m) => (
                  <tr key={m.monitor}>
                    <td className="cell-name">{names.user(m.monitor)}</td>
                    <td className="num">{fmt.integer(m.sessions)}</td>
                    <td className="num">
                      <span className={deviationClass(m.meanDeviation)}>{signed(fmt, m.meanDeviation)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Card>
  );
}
