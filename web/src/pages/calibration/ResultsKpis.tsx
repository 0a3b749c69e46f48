import type { CalibrationResults } from '../../../../schemas/calibration.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { orDash } from './calibration.ts';

/** A closed session's figures: mean and spread of the scores, and Krippendorff's alphas. */
export function ResultsKpis({ r }: { r: CalibrationResults }) {
  const t = useT();
  const fmt = useFormat();
  const two = (n: number) => fmt.decimal(n, 2);
  return (
    <section className="kpi-grid kpi-grid-4" aria-label={t('kpi.label')}>
      <div className="kpi">
        <span className="kpi-label">{t('qa.results.mean')}</span>
        <span className="kpi-value">{orDash(r.mean, two)}</span>
        <span className="kpi-hint">
          {r.basis === 'reference'
            ? t('qa.results.basisReference', { score: orDash(r.basisScore, two) })
            : t('qa.results.basisMean')}
        </span>
      </div>
      <div className="kpi">
        <span className="kpi-label">{t('qa.results.sd')}</span>
        <span className="kpi-value">{orDash(r.sd, two)}</span>
        <span className="kpi-hint">{t('qa.results.sdHint')}</span>
      </div>
      <div className="kpi">
        <span className="kpi-label">{t('qa.results.alphaNominal')}</span>
        <span className="kpi-value">{orDash(r.alpha.nominal.alpha, two)}</span>
        <span className="kpi-hint">{t('qa.results.alphaNominalHint', { units: r.alpha.nominal.units })}</span>
      </div>
      <div className="kpi">
        <span className="kpi-label">{t('qa.results.alphaOrdinal')}</span>
        <span className="kpi-value">{orDash(r.alpha.ordinal.alpha, two)}</span>
        <span className="kpi-hint">{t('qa.results.alphaOrdinalHint', { units: r.alpha.ordinal.units })}</span>
      </div>
    </section>
  );
}
