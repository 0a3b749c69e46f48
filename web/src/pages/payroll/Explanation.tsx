import type { ScorecardRow } from '../../../../schemas/scorecard.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/**
 * A deduction as a percentage: two decimals when that is exact, else four, so the lines can be
 * added up to the coefficient's formula below them (14.9950%, not 15.00%).
 */
export const share = (fraction: number, fmt: Formatters) =>
  fmt.percent(fraction, Number.isInteger(Number((fraction * 10_000).toPrecision(12))) ? 2 : 4);

/** Every deduction of one operator, with the rule's formula and the money it cost. */
export function Explanation({ row, fmt }: { row: ScorecardRow; fmt: Formatters }) {
  const t = useT();
  const s = row.scorecard;
  const rule =
    row.rule.department === null
      ? t('payroll.explain.generalRule', { version: row.rule.version })
      : t('payroll.explain.departmentRule', { department: row.rule.department, version: row.rule.version });
  return (
    <div className="explain">
      <p className="explain-title">{t('payroll.explain.title', { name: row.name })}</p>
      <table className="explain-table">
        <tbody>
          {row.explanation.map((line) => (
            <tr key={line.key} className={line.fraction > 0 ? 'is-deducted' : undefined}>
              <th scope="row">{t(`deduction.${line.key}`)}</th>
              <td className="explain-formula">
                {line.applied ? (
                  <code>{line.formula}</code>
                ) : (
                  <span className="cell-muted">{t('payroll.explain.notApplied')}</span>
                )}
                {line.capped && <span className="badge badge-muted">{t('payroll.explain.capped')}</span>}
              </td>
              <td className="num">{line.fraction > 0 ? `−${share(line.fraction, fmt)}` : '—'}</td>
              <td className="num">
                {line.amount !== null && line.amount > 0 ? `−${fmt.money(line.amount)}` : '—'}
              </td>
            </tr>
          ))}
          {row.coefficientFormula && (
            <tr>
              <th scope="row">{t('payroll.col.coefficient')}</th>
              <td className="explain-formula">
                <code>{row.coefficientFormula}</code>
              </td>
              <td className="num" />
              <td className="num" />
            </tr>
          )}
        </tbody>
      </table>
      <p className="explain-total">
        {s.variableBase !== null && s.payout !== null
          ? t('payroll.explain.total', {
              coefficient: fmt.decimal(s.coefficient, 4),
              base: fmt.money(s.variableBase),
              payout: fmt.money(s.payout),
            })
          : t('flag.no-variable-base')}
        <span className="cell-muted"> · {t('payroll.explain.rule', { rule })}</span>
      </p>
    </div>
  );
}
