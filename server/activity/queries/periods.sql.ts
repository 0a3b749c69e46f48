/**
 * Months (local) that have calls, newest first. The zone is applied to quarter hours, not to each
 * call: every zone's offset is a whole number of quarter hours, so a call and its quarter hour fall
 * in the same local month, and a month of 10 million calls has only about 3,000 of them.
 */
export const PERIODS_SQL = `
WITH quarters AS (SELECT DISTINCT epoch_us(started_at) // 900000000 AS q FROM calls)
SELECT DISTINCT strftime(make_timestamptz(q * 900000000) AT TIME ZONE $tz, '%Y-%m') AS period
FROM quarters
ORDER BY period DESC
`;
