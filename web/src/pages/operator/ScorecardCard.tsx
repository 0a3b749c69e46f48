import { metricValue } from '../../../../core/metric-values.ts';
import type { DeductionLine, ScorecardRow } from '../../../../schemas/scorecard.ts';
import type { Formatters } from '../../format.ts';
import { type Translate, useT } from '../../i18n/index.ts';
import { formatMaybe, formatValue } from '../../metric-format.ts';
import { METRIC_LIST, message, onScorecard } from '../../metrics.ts';
import { costText, deductionCosts } from '../payroll/deduction-costs.ts';
import { share } from '../payroll/Explanation.tsx';

/** What the criterion is measured against: the norm, the rule's threshold, a full target, none. */
function target(
  key: string,
  row: ScorecardRow,
  line: DeductionLine | undefined,
  fmt: Formatters,
  t: Translate,
) {
  const s = row.scorecard;
  const threshold = line?.inputs.threshold;
  switch (key) {
    case 'tasksCompleted':
      return s.tasksNorm === null
        ? t('flag.no-norm')
        : t('opPage.target.norm', { norm: fmt.integer(s.tasksNorm) });
    case 'qualityScore':
      return threshold == null
        ? t('kpi.none')
        : t('opPage.target.atLeast', { value: fmt.decimal(threshold, 0) });
    case 'teamAchievement':
      return t('opPage.target.full');
    case 'orderErrorRate':
      return threshold == null
        ? t('kpi.none')
        : t('opPage.target.atMost', { value: formatValue(threshold, 'ratio', fmt) });
    case 'internalClaims':
    case 'clientClaims':
    case 'negativeAssessments':
      return t('opPage.target.none');
    default:
      return '';
  }
}

/** Every criterion of the period with its target and the deduction it caused. */
export function ScorecardCard({ row, fmt }: { row: ScorecardRow; fmt: Formatters }) {
  const t = useT();
  const lines = new Map(row.explanation.map((l) => [l.key, l]));
  const costs = deductionCosts(row);
  return (
    <section className="card" aria-labelledby="scorecard-title">
      <header className="card-header">
        <h2 className="card-title" id="scorecard-title">
          {t('opPage.scorecard')}
        </h2>
        <span className="card-meta">{t('opPage.evaluations', { count: fmt.integer(row.evaluations) })}</span>
      </header>
      <div className="scorecard-table-wrap">
        <table className="data-table scorecard-table">
          <thead>
            <tr>
              <th scope="col">{t('opPage.col.criterion')}</th>
              <th scope="col" className="num">
                {t('opPage.col.value')}
              </th>
              <th scope="col" className="num">
                {t('opPage.col.target')}
              </th>
              <th scope="col" className="num">
                {t('opPage.col.deduction')}
              </th>
              <th scope="col" className="num">
                {t('opPage.col.cost')}
              </th>
            </tr>
          </thead>
          <tbody>
            {METRIC_LIST.filter(onScorecard).map((c) => {
              const v = formatMaybe(
                metricValue(c, row),
                c.unit,
                fmt,
                t,
                c.whenNull ? message(c.whenNull) : undefined,
              );
              // A KPI is shown, not measured against a target nor paid on.
              if (c.kind === 'kpi')
                return (
                  <tr key={c.key}>
                    <th scope="row" className="cell-name">
                      {t(message(c.label))}
                    </th>
                    <td className="num">{v}</td>
                    <td colSpan={3} />
                  </tr>
                );
              const line = c.carriesDeduction && c.deduction ? lines.get(c.deduction) : undefined;
              const deducted = line !== undefined && line.fraction > 0;
              return (
                <tr key={c.key} className={deducted ? 'is-deducted' : undefined}>
                  <th scope="row" className="cell-name">
                    {t(message(c.label))}
                  </th>
                  <td className="num">{v}</td>
                  <td className="num cell-muted">{target(c.key, row, line, fmt, t)}</td>
                  <td className="num">
                    {line === undefined ? (
                      ''
                    ) : !line.applied ? (
                      <span className="cell-muted">{t('payroll.explain.notApplied')}</span>
                    ) : deducted ? (
                      <span className="deducted">−{share(line.fraction, fmt)}</span>
                    ) : (
                      <span className="cell-muted">{t('kpi.none')}</span>
                    )}
                  </td>
                  <td className="num">
                    {deducted && costs?.byKey.has(line.key) ? (
                      <span className="deducted" data-cost={costs.byKey.get(line.key)}>
                        {costText(costs.byKey.get(line.key) as number, fmt)}
                      </span>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          {costs && costs.total !== 0 && (
            <tfoot>
              {costs.rounding !== 0 && (
                <tr className="cost-rounding">
                  <th scope="row" colSpan={4} className="cell-name cell-muted">
                    {t('money.rounding')}
                  </th>
                  <td className="num cell-muted" data-cost={costs.rounding}>
                    {costText(costs.rounding, fmt)}
                  </td>
                </tr>
              )}
              <tr className="cost-total">
                <th scope="row" colSpan={4} className="cell-name">
                  {t('money.totalDeducted')}
                </th>
                <td className="num" data-total={costs.total}>
                  <span className="deducted">{costText(costs.total, fmt)}</span>
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
