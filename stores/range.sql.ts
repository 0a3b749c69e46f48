/**
 * The SQL predicate "timestamp column falls in the local date range [$from, $to) of $tz".
 * Both ends become instants once, so the column is compared bare and DuckDB can skip row groups
 * by their min/max instead of converting every row's time zone.
 */
export const inLocalRange = (column: 'started_at' | 'created_at' | 'o.created_at') =>
  `${column} >= timezone($tz, $from::DATE::TIMESTAMP) AND ${column} < timezone($tz, $to::DATE::TIMESTAMP)`;

/** Restricts to the operators in $ops unless $all is true (no restriction). */
export const operatorFilter = '($all OR list_contains($ops, operator_id))';
