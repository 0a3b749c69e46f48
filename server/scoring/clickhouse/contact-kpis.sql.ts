import { inLocalRange, SCORING_SETTINGS, type TableSources } from './tables.sql.ts';

/**
 * server/scoring/queries/contact-kpis.sql.ts's CONTACT_KPIS_SQL in ClickHouse SQL. ClickHouse's
 * grouping() is the standard one (0 when the column is grouped on), and group_by_use_nulls makes
 * a grouping set's absent key NULL as in DuckDB. The inner column is `is_answered`, not
 * `answered`: a SELECT alias in ClickHouse is visible in the whole query and would shadow it.
 * The averages read Nullable values, so a group with nothing to average gives NULL, not nan.
 */
export const contactKpisSql = (t: TableSources) => `
SELECT
  multiIf(grouping(queue) = 0, 'queue', grouping(operator_id) = 0, 'operator', 'all') AS grain,
  coalesce(queue, operator_id) AS key,
  countIf(is_answered) AS handled,
  countIf(direction = 'inbound') AS offered,
  countIf(direction = 'inbound' AND is_answered) AS answered,
  countIf(direction = 'inbound' AND NOT is_answered) AS abandoned,
  countIf(direction = 'inbound' AND is_answered AND wait_s <= {sl:Float64}) AS within_sl,
  avgIf(wait_s, direction = 'inbound' AND is_answered) AS asa_s,
  avgIf(toNullable(handle_s), is_answered) AS aht_s
FROM (
  SELECT queue, operator_id, direction, answered_at IS NOT NULL AS is_answered,
    toUnixTimestamp64Micro(answered_at) / 1e6 - toUnixTimestamp64Micro(coalesce(queued_at, started_at)) / 1e6
      AS wait_s,
    coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0) AS handle_s
  FROM ${t.calls}
  WHERE ${inLocalRange('started_at')}
)
GROUP BY GROUPING SETS ((queue), (operator_id), ())
${SCORING_SETTINGS}
`;
