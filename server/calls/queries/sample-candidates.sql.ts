import { inLocalRange, operatorFilter } from '../../../stores/range.sql.ts';
import { isoUtc } from './call-facts.sql.ts';

/**
 * Calls that may be sampled (docs/scoring.md, "Sampling"): handled, recorded, at least 30 s of talk.
 * Within each operator and task type they are ranked claimed first, then by md5 of the call id
 * and the seed: a stable pseudo-random order, the same for the same seed on any machine. Only
 * the first $k of each group can be drawn, so only those leave the database.
 */
export const SAMPLE_CANDIDATES_SQL = `
WITH c AS (
  SELECT call_id, operator_id, task_type, talk_s, started_at,
    call_id IN (SELECT unnest($claimed)) AS claimed,
    md5(call_id || '|' || $seed) AS draw
  FROM calls
  WHERE ${inLocalRange('started_at')}
    AND ${operatorFilter}
    AND operator_id IS NOT NULL
    AND answered_at IS NOT NULL
    AND recording IS NOT NULL
    AND talk_s >= 30
)
SELECT call_id, operator_id, task_type, talk_s, ${isoUtc('started_at')} AS started_at, claimed, draw,
  count(*) OVER (PARTITION BY operator_id) AS available,
  row_number() OVER (PARTITION BY operator_id, coalesce(task_type, '') ORDER BY claimed DESC, draw) AS rank
FROM c
QUALIFY rank <= $k
ORDER BY operator_id, task_type, rank
`;
