import type { AccuracyCell, CheckResult } from '../schemas/autoqa.ts';

/**
 * AutoQA against people (docs/autoqa.md, "Accuracy"): pairs of AutoQA's result and a person's
 * answer read as a result, tallied with "fail" as the positive class, since what AutoQA is for is
 * flagging the calls that failed.
 */

export const emptyCell = (): AccuracyCell => ({
  n: 0,
  agree: 0,
  agreement: null,
  tp: 0,
  fp: 0,
  fn: 0,
  tn: 0,
  autoNa: 0,
  humanNa: 0,
  bothNa: 0,
  precision: null,
  recall: null,
});

/** Adds one pair to the cell's counts (the ratios are set by `finish`). */
export function tally(cell: AccuracyCell, auto: CheckResult, human: CheckResult): void {
  cell.n++;
  if (auto === human) cell.agree++;
  if (auto === 'na' && human === 'na') cell.bothNa++;
  else if (auto === 'na') cell.autoNa++;
  else if (human === 'na') cell.humanNa++;
  else if (auto === 'fail') {
    if (human === 'fail') cell.tp++;
    else cell.fp++;
  } else if (human === 'fail') cell.fn++;
  else cell.tn++;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** The cell with its agreement, precision and recall from its counts. */
export function finish(cell: AccuracyCell): AccuracyCell {
  return {
    ...cell,
    agreement: ratio(cell.agree, cell.n),
    precision: ratio(cell.tp, cell.tp + cell.fp),
    recall: ratio(cell.tp, cell.tp + cell.fn),
  };
}
