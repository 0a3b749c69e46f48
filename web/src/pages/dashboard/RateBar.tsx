import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { formatValue } from '../../metric-format.ts';

/** A pass rate as a bar and its figure (a rate, as every rate is written); a dash when none. */
export function RateBar({ rate, fmt }: { rate: number | null; fmt: Formatters }) {
  const t = useT();
  if (rate === null)
    return (
      <span className="cell-muted" title={t('aq.rates.noneApplied')}>
        —
      </span>
    );
  return (
    <span className="rate-bar">
      <span className="rate-bar-track" aria-hidden="true">
        <span
          className={rate < 0.5 ? 'rate-bar-fill is-low' : 'rate-bar-fill'}
          style={{ width: `${Math.round(rate * 1000) / 10}%` }}
        />
      </span>
      <span className="rate-bar-value">{formatValue(rate, 'ratio', fmt)}</span>
    </span>
  );
}
