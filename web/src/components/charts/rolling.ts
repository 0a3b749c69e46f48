import type { DailyQualityPoint } from '../../../../schemas/dashboard.ts';

/**
 * The daily line of the quality score: a day alone holds few evaluations (none on a Sunday, two
 * or three in one team), and its mean swings with them. The line is the mean score of the
 * evaluations of the last `days` days (the day itself and the ones before, each evaluation
 * counting once), drawn only where those days hold at least `minEvaluations`; a gap otherwise.
 */
/**
 * The default pay rule's quality threshold (schemas/pay-rule.ts, which a test holds this to): the
 * quality chart draws the bands below it as a shortfall. Not imported from there, as that file
 * brings zod into the dashboard's first load.
 */
export const QUALITY_THRESHOLD = 80;

export const QUALITY_WINDOW = { days: 7, minEvaluations: 5 } as const;

export interface QualityPoint extends DailyQualityPoint {
  /** Mean score over the window ending that day; null with fewer evaluations than the minimum. */
  qualityTrend: number | null;
  /** Evaluations in that window. */
  trendEvaluations: number;
}

/** `days` is every date of the view in order, each with its own figures (zero when none). */
export function withQualityTrend(
  days: readonly DailyQualityPoint[],
  window: { days: number; minEvaluations: number } = QUALITY_WINDOW,
): QualityPoint[] {
  return days.map((day, i) => {
    let count = 0;
    let sum = 0;
    for (const d of days.slice(Math.max(0, i - window.days + 1), i + 1)) {
      if (d.quality === null || d.evaluations === 0) continue;
      count += d.evaluations;
      sum += d.quality * d.evaluations;
    }
    return {
      ...day,
      qualityTrend: count >= window.minEvaluations ? sum / count : null,
      trendEvaluations: count,
    };
  });
}
