import type { Formatters } from '../format.ts';

/** An amount with its currency sign set smaller, so large sums fit a tile. */
export function Money({ parts }: { parts: ReturnType<Formatters['moneyCompactParts']> }) {
  return parts.currencyFirst ? (
    <>
      <span className="kpi-unit kpi-unit-before">{parts.currency}</span>
      {parts.amount}
    </>
  ) : (
    <>
      {parts.amount}
      <span className="kpi-unit kpi-unit-after">{parts.currency}</span>
    </>
  );
}
