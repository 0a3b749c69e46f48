import { PAY_PERCENT_DIGITS, payShare } from '../../../../core/round.ts';
import type { ScorecardRow } from '../../../../schemas/scorecard.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { costText, deductionCosts } from './deduction-costs.ts';

/**
 * A share of pay (a deduction, the part of the base deducted) as a percentage: rounded and with
 * the decimals of the payroll CSV (core/round.ts), so the screen, the file and the explanation
 * print the same figure. The exact value is in the formula beside it.
 */
export const share = (fraction: number, fmt: Formatters) =>
  fmt.percent(payShare(fraction), PAY_PERCENT_DIGITS);

/** Every deduction of one operator, with the rule's formula and the money it cost. */
export function Explanation({ row, fmt }: { row: ScorecardRow; fmt: Formatters }) {
  const t = useT();
  const s = row.scorecard;
  const costs = deductionCosts(row);
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
                {/* Which quality score the rule read, when it is not the monitors' alone. */}
                {line.source && line.source !== 'human' && (
                  <span className="badge badge-muted" data-quality-source={line.source}>
                    {t('payroll.explain.source', { source: t(`payRules.quality.source.${line.source}`) })}
                  </span>
                )}
              </td>
              <td className="num">{line.fraction > 0 ? `−${share(line.fraction, fmt)}` : '—'}</td>
              <td className="num" data-cost={costs?.byKey.get(line.key)}>
                {costs?.byKey.has(line.key) ? costText(costs.byKey.get(line.key) as number, fmt) : '—'}
              </td>
            </tr>
          ))}
          {costs && costs.rounding !== 0 && (
            <tr className="cost-rounding">
              <th scope="row">{t('money.rounding')}</th>
              <td className="explain-formula" />
              <td className="num" />
              <td className="num cell-muted" data-cost={costs.rounding}>
                {costText(costs.rounding, fmt)}
              </td>
            </tr>
          )}
          {costs && costs.total !== 0 && (
            <tr className="cost-total">
              <th scope="row">{t('money.totalDeducted')}</th>
              <td className="explain-formula" />
              <td className="num" />
              <td className="num" data-total={costs.total}>
                {costText(costs.total, fmt)}
              </td>
            </tr>
          )}
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
