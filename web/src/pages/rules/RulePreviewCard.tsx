import type { RulePreview } from '../../../../schemas/pay-rule.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** What the edited rule would change in a month, beside what the rule in force gives. */
export function RulePreviewCard({ preview, fmt }: { preview: RulePreview; fmt: Formatters }) {
  const t = useT();
  const changes = preview.changes
    .map((c) => ({ ...c, delta: (c.payout.proposed ?? 0) - (c.payout.current ?? 0) }))
    .filter((c) => c.delta !== 0 || c.coefficient.current !== c.coefficient.proposed)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, 8);
  const coef = (v: number | null) => (v === null ? '—' : fmt.decimal(v, 4));
  return (
    <section className="card rule-preview" aria-live="polite">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title">{t('rules.preview.title', { period: fmt.period(preview.period) })}</h2>
          <span className="card-meta">
            {t('rules.preview.operators', { count: fmt.integer(preview.operators) })}
          </span>
        </div>
      </header>
      <div className="card-body">
        <table className="compare-table">
          <thead>
            <tr>
              <th />
              <th className="num">{t('rules.preview.current')}</th>
              <th className="num">{t('rules.preview.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('rules.preview.payout')}</th>
              <td className="num">{fmt.money(preview.current.payout)}</td>
              <td className="num">{fmt.money(preview.proposed.payout)}</td>
            </tr>
            <tr>
              <th scope="row">{t('payroll.col.adjustment')}</th>
              <td className="num">{fmt.money(preview.current.adjustment)}</td>
              <td className="num">{fmt.money(preview.proposed.adjustment)}</td>
            </tr>
            <tr>
              <th scope="row">{t('rules.preview.meanCoefficient')}</th>
              <td className="num">{coef(preview.current.meanCoefficient)}</td>
              <td className="num">{coef(preview.proposed.meanCoefficient)}</td>
            </tr>
          </tbody>
        </table>
        <h3 className="rule-subtitle">{t('rules.preview.changes')}</h3>
        {changes.length === 0 ? (
          <p className="cell-muted">{t('rules.preview.noChange')}</p>
        ) : (
          <table className="compare-table">
            <tbody>
              {changes.map((c) => (
                <tr key={c.operatorId}>
                  <th scope="row">{c.name}</th>
                  <td className="num">
                    {coef(c.coefficient.current)} → {coef(c.coefficient.proposed)}
                  </td>
                  {c.payout.current === null && c.payout.proposed === null ? (
                    <td className="num cell-muted">{t('flag.no-variable-base')}</td>
                  ) : (
                    <td className={c.delta < 0 ? 'num delta-down' : 'num delta-up'}>
                      {c.delta > 0 ? '+' : ''}
                      {fmt.money(c.delta)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
