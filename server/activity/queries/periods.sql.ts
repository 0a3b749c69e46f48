/** Months (local) that have calls, newest first. */
export const PERIODS_SQL = `
SELECT DISTINCT strftime(started_at AT TIME ZONE $tz, '%Y-%m') AS period
FROM calls
ORDER BY period DESC
`;
