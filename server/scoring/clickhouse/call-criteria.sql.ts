import { inLocalRange, SCORING_SETTINGS, type TableSources } from './tables.sql.ts';

/**
 * server/scoring/queries/call-criteria.sql.ts's CALL_CRITERIA_SQL in ClickHouse SQL, row for row
 * the same. `/` is always a Float64 division in ClickHouse (DuckDB's too for these operands);
 * avgIf over Nullable values is NULL when none is left, as DuckDB's avg.
 */
export const callCriteriaSql = (t: TableSources) => `
SELECT operator_id,
  count(answered_at) AS handled,
  countIf(answered_at IS NOT NULL
    AND (outcome IS NULL OR outcome = 'completed' OR outcome = 'transferred')) AS tasks,
  sumIf(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0), answered_at IS NOT NULL)
    / nullIf(count(answered_at), 0) AS aht_s,
  -- a direct inbound call has no queue entry: its wait starts when it rang
  avgIf((toUnixTimestamp64Micro(answered_at) - toUnixTimestamp64Micro(coalesce(queued_at, started_at))) / 1e6,
    direction = 'inbound') AS asa_s
FROM ${t.calls} AS calls
WHERE ${inLocalRange('started_at')}
  AND operator_id IS NOT NULL
GROUP BY operator_id
${SCORING_SETTINGS}
`;
