import type { Period } from '../../schemas/period.ts';
import type { ScorecardRow } from '../../schemas/scorecard.ts';
import type { Stores } from '../../stores/stores.ts';
import { cached } from '../cache.ts';
import { type ScoringSettings, scoreRange } from './score-range.ts';

/** A period's scorecards, computed once while the data it comes from is unchanged. */
export const cachedScoreRange = (
  stores: Stores,
  range: Period,
  settings: ScoringSettings,
): Promise<ScorecardRow[]> =>
  cached(stores.db, `score|${range.from}|${range.to}|${settings.timeZone}|${settings.currency}`, () =>
    scoreRange(stores, range, settings),
  );
