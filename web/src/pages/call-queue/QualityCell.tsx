import type { OperatorQuality } from '../../../../schemas/evaluations.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** The quality of an operator: mean, the 95% interval and how many evaluations it rests on. */
export function QualityCell({ q, fmt }: { q: OperatorQuality | undefined; fmt: Formatters }) {
  const t = useT();
  if (!q || q.n === 0 || q.mean === null) return <span className="cell-muted">{t('qa.quality.none')}</span>;
  return (
    <span className="quality">
      <span className="quality-mean">{fmt.decimal(q.mean, 1)}</span>
      <span className="quality-ci">
        {q.ci95
          ? t('qa.quality.ci', { low: fmt.decimal(q.ci95.low, 1), high: fmt.decimal(q.ci95.high, 1) })
          : t('qa.quality.noCi')}
      </span>
      <span className="quality-n">{t('qa.quality.n', { n: q.n })}</span>
    </span>
  );
}
