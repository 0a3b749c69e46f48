/**
 * What each lake table holds, as SQL over the connection the writer stages into: the analytical
 * store's own tables and the `src_*` temp tables staged from the operational store
 * (qa-rows.ts, scorecard-rows.ts). Every query gives the table's columns and `__month`, its
 * partition (`YYYY-MM` in the company's zone; NULL for an unpartitioned table). `order` makes a
 * partition's file the same bytes whenever its rows are the same.
 *
 * The zone is written into the text, not bound: these are the bodies of temp views (which take no
 * parameters), and the zone is checked to be an IANA name first (zoneLiteral).
 */
export interface LakeTableSql {
  sql: string;
  order: string;
}

/** The months that have calls, in the company's zone (`$tz`): the months scored for the lake. */
export const CALL_MONTHS_SQL = `SELECT DISTINCT strftime(timezone($tz, started_at), '%Y-%m') AS m FROM calls ORDER BY m`;

/** A zone name as an SQL literal, refusing anything but an IANA name's letters. */
export function zoneLiteral(zone: string): string {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(zone)) throw new Error(`not a time zone name: ${zone}`);
  return `'${zone}'`;
}

const month = (tz: string, expr: string) => `strftime(timezone(${tz}, ${expr}), '%Y-%m')`;
/** A time kept as text in the operational store (ISO 8601; UTC when it names no offset). */
const textTime = (expr: string) => `try_cast(${expr} AS TIMESTAMPTZ)`;

/** Each call's month, for the rows that take their call's month. */
const callMonths = (tz: string) =>
  `(SELECT call_id, ${month(tz, 'min(started_at)')} AS month FROM calls GROUP BY call_id)`;

/** Each evaluation's month (its call's, else when it was submitted or made), staged once. */
export const evaluationMonthsView = (zone: string) => `CREATE OR REPLACE TEMP VIEW lake_evaluation_months AS
  SELECT evaluation_id, call_id, operator_id, form_id, evaluator,
    ${month(zoneLiteral(zone), `coalesce(${textTime('call_started_at')}, ${textTime('submitted_at')}, ${textTime('created_at')})`)} AS month
  FROM src_evaluations`;

const byCall = (tz: string, table: string, order: string): LakeTableSql => ({
  sql: `SELECT t.*, m.month AS __month FROM ${table} t JOIN ${callMonths(tz)} m ON m.call_id = t.call_id`,
  order,
});

const byEvaluation = (table: string, order: string): LakeTableSql => ({
  sql: `SELECT t.*, e.month AS __month FROM ${table} t JOIN lake_evaluation_months e ON e.evaluation_id = t.evaluation_id`,
  order,
});

const whole = (table: string, order: string): LakeTableSql => ({
  sql: `SELECT t.*, NULL::VARCHAR AS __month FROM ${table} t`,
  order,
});

/** The SQL of every lake table, for the company's zone. */
export function lakeTableSql(zone: string): Record<string, LakeTableSql> {
  const tz = zoneLiteral(zone);
  return {
    calls: { sql: `SELECT t.*, ${month(tz, 't.started_at')} AS __month FROM calls t`, order: 'call_id' },
    orders: { sql: `SELECT t.*, ${month(tz, 't.created_at')} AS __month FROM orders t`, order: 'order_id' },
    debts: { sql: `SELECT t.*, ${month(tz, 't.as_of')} AS __month FROM debts t`, order: 'client_id, as_of' },
    operator_states: {
      sql: `SELECT t.*, ${month(tz, 't.started_at')} AS __month FROM operator_states t`,
      order: 'operator_id, started_at, state',
    },
    transcripts: byCall(tz, 'transcripts', 'call_id'),
    transcript_segments: byCall(tz, 'transcript_segments', 'call_id, seq'),
    clients: whole('clients', 'client_id'),
    products: whole('products', 'product_id'),
    autoqa_results: byCall(tz, 'autoqa_results', 'call_id, check_key, rules_version'),
    autoqa_evaluations: byCall(tz, 'autoqa_evaluations', 'call_id, form_id, rules_version'),
    evaluations: byEvaluation('src_evaluations', 'evaluation_id'),
    evaluation_answers: {
      sql: `SELECT a.evaluation_id, e.call_id, e.operator_id, e.form_id, e.evaluator, a.question_id,
          a.value, x.check_key AS auto_check, x.auto_value, x.result AS auto_result,
          x.decision AS auto_decision, e.month AS __month
        FROM src_evaluation_answers a
        JOIN lake_evaluation_months e ON e.evaluation_id = a.evaluation_id
        LEFT JOIN src_evaluation_auto_answers x
          ON x.evaluation_id = a.evaluation_id AND x.question_id = a.question_id`,
      order: 'evaluation_id, question_id',
    },
    evaluation_comments: byEvaluation('src_evaluation_comments', 'id'),
    evaluation_disputes: byEvaluation('src_evaluation_disputes', 'id'),
    claims: {
      sql: `SELECT t.*, p.period AS pay_period,
          coalesce(p.period, ${month(tz, textTime('t.received_at'))}) AS __month
        FROM src_claims t LEFT JOIN src_claim_periods p ON p.claim_id = t.claim_id`,
      order: 'claim_id',
    },
    assessments: {
      sql: `SELECT t.*, ${month(tz, textTime('t.assessed_at'))} AS __month FROM src_assessments t`,
      order: 'assessment_id',
    },
    coaching_sessions: {
      sql: `SELECT t.*, ${month(tz, textTime('t.opened_at'))} AS __month FROM src_coaching_sessions t`,
      order: 'id',
    },
    teams: whole('src_teams', 'team_id'),
    operators: whole('src_operators', 'operator_id'),
    scorecards: { sql: 'SELECT t.*, t.period AS __month FROM src_scorecards t', order: 'operatorId' },
  };
}
