import { inLocalRange } from '../../../stores/range.sql.ts';

/** How many calls a local date range holds: a month without any has nothing to pay on. */
export const PERIOD_CALLS_SQL = `
SELECT count(*) AS calls
FROM calls
WHERE ${inLocalRange('started_at')}
`;
