import { CRITERIA, type DeductionKey } from '../../../../schemas/criteria.ts';
import type { DeductionLine, ScorecardRow } from '../../../../schemas/scorecard.ts';
import type { Formatters } from '../../format.ts';
import { type MessageKey, type Translate, useT } from '../../i18n/index.ts';
import { share } from '../payroll/Explanation.tsx';

/** The criterion whose row carries each deduction. */
const DEDUCTION_ROW: Partial<Record<string, DeductionKey>> = {
  tasksCompleted: 'tasks',
  qualityScore: 'quality',
  teamAchievement: 'targets',
  internalClaims: 'internalClaims',
  clientClaims: 'clientClaims',
  orderErrorRate: 'orderErrors',
  negativeAssessments: 'negativeAssessments',
};

function value(v: number | null, unit: string, fmt: Formatters, t: Translate, whenNull?: MessageKey): string {
  if (v === null) return t(whenNull ?? 'kpi.none');
  if (unit === 'ratio') return fmt.percent(v);
  if (unit === 'score') return fmt.decimal(v, 2);
  if (unit === 'seconds') return fmt.duration(v);
  return fmt.integer(v);
}

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
      return threshold == null ? t('kpi.none') : t('opPage.target.atMost', { value: fmt.percent(threshold) });
    case 'internalClaims':
    case 'clientClaims':
    case 'negativeAssessments':
      return t('opPage.target.none');
    default:
      return '';
  }
}

const WHEN_NULL: Partial<Record<string, MessageKey>> = {
  tasksNorm: 'flag.no-norm',
  qualityScore: 'flag.not-evaluated',
  teamAchievement: 'flag.no-target',
  orderErrorRate: 'flag.no-orders',
  upsellRate: 'opPage.noData',
};

/** Every criterion of the period with its target and the deduction it caused. */
export function ScorecardCard({ row, fmt }: { row: ScorecardRow; fmt: Formatters }) {
  const t = useT();
  const lines = new Map(row.explanation.map((l) => [l.key, l]));
  const s = row.scorecard as unknown as Record<string, number | null>;
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
            {CRITERIA.filter((c) => c.key !== 'tasksNorm').map((c) => {
              const dk = DEDUCTION_ROW[c.key];
              const line = dk ? lines.get(dk) : undefined;
              const deducted = line !== undefined && line.fraction > 0;
              return (
                <tr key={c.key} className={deducted ? 'is-deducted' : undefined}>
                  <th scope="row" className="cell-name">
                    {t(`criterion.${c.key}`)}
                  </th>
                  <td className="num">{value(s[c.key] ?? null, c.unit, fmt, t, WHEN_NULL[c.key])}</td>
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
                    {deducted && line.amount !== null && line.amount > 0 ? (
                      <span className="deducted">−{fmt.money(line.amount)}</span>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              );
            })}
            <tr>
              <th scope="row" className="cell-name">
                {t('kpi.aht')}
              </th>
              <td className="num">{value(row.scorecard.aht, 'seconds', fmt, t)}</td>
              <td colSpan={3} />
            </tr>
            <tr>
              <th scope="row" className="cell-name">
                {t('opPage.asa')}
              </th>
              <td className="num">{value(row.asa, 'seconds', fmt, t)}</td>
              <td colSpan={3} />
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
