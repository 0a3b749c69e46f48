import { useSearchParams } from 'react-router';
import type { OperatorQuality } from '../../../../schemas/evaluations.ts';
import { useCheckLabels } from '../../api/autoqa.ts';
import { useSample } from '../../api/qa.ts';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { AssignPanel } from './AssignPanel.tsx';
import { sampleOptions, sampleQuery } from './queue-params.ts';
import { SampleOptionsBar } from './SampleOptionsBar.tsx';
import { SampleRow } from './SampleRow.tsx';

/** The proposed sample: calls per operator with each one's quality, and (a lead) its assignment. */
export interface QueueViewProps {
  period: string;
  /** A QA lead (or an administrator) gives calls to monitors. */
  lead: boolean;
  byOperator: Map<string, OperatorQuality>;
  fmt: Formatters;
}

export function SampleView({ period, lead, byOperator, fmt }: QueueViewProps) {
  const t = useT();
  const dt = useClock();
  const [params] = useSearchParams();
  const options = sampleOptions(params);
  const q = sampleQuery(period, options);
  const sample = useSample(q);
  const checks = useCheckLabels(period);
  const operators = sample.data?.operators ?? [];
  const calls = operators.reduce((n, o) => n + o.calls.length, 0);

  return (
    <>
      <section className="card" aria-labelledby="sample-title">
        <header className="card-header">
          <div className="card-heading">
            <h2 className="card-title" id="sample-title">
              {t('qa.sample.title')}
            </h2>
            {sample.data && (
              <span className="card-meta">
                {t('qa.sample.meta', { calls, operators: operators.length, seed: sample.data.seed })}
              </span>
            )}
          </div>
          <SampleOptionsBar options={options} checks={checks.checks} />
        </header>
        {options.margin && (
          <p className="card-note">{t('qa.sample.marginHint', { margin: options.margin })}</p>
        )}
        {sample.isError && !sample.data ? (
          <ErrorState error={sample.error} onRetry={() => void sample.refetch()} />
        ) : !sample.data ? (
          <LoadingRegion label={t('app.loading')}>
            <div className="card-body">
              <Skeleton height={280} />
            </div>
          </LoadingRegion>
        ) : operators.length === 0 ? (
          <EmptyState title={t('qa.sample.empty.title')}>{t('qa.sample.empty.body')}</EmptyState>
        ) : (
          <div className={sample.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
            <FormFeedback error={sample.error} />
            <table className="data-table sample-table">
              <thead>
                <tr>
                  <th scope="col">{t('qa.col.operator')}</th>
                  <th scope="col">{t('qa.col.quality')}</th>
                  <th scope="col" className="num">
                    {t('qa.col.target')}
                  </th>
                  <th scope="col">{dt.withZone(t('qa.col.proposed'))}</th>
                </tr>
              </thead>
              <tbody>
                {operators.map((o) => (
                  <SampleRow
                    key={o.operatorId}
                    o={o}
                    q={byOperator.get(o.operatorId)}
                    fmt={fmt}
                    dt={dt}
                    checkLabel={checks.label}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {lead && <AssignPanel period={period} sampleQuery={q} />}
    </>
  );
}
