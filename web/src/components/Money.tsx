import type { MoneyParts } from '../format.ts';

/**
 * An amount with its currency sign set smaller, so large sums fit a tile. The parts come from
 * moneyParts() or moneyCompactParts(), whichever matches the other amounts of the view.
 */
export function Money({ parts }: { parts: MoneyParts }) {
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
