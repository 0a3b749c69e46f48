import { isoUtc } from './call-facts.sql.ts';

/** Several calls' operator, start and whether someone answered them, by id. */
export const CALLS_BY_ID_SQL = `
SELECT call_id, operator_id, answered_at IS NOT NULL AS handled,
  ${isoUtc('started_at')} AS started_at,
  strftime(started_at AT TIME ZONE $tz, '%Y-%m') AS period
FROM calls
WHERE call_id IN (SELECT unnest($ids))
`;
