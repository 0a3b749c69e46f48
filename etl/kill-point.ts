/**
 * Named moments of an import around its commits. A test run sets CALLSCORE_KILL_AT to one of
 * them and the importing process dies there as from `kill -9`: the only way to show that both
 * stores agree after a crash at that very moment. Unset, a kill point does nothing.
 */
export type KillPoint =
  /** Every row and the journal written, the commit not yet asked for. */
  | 'before-commit'
  /** DuckDB committed; the import log (SQLite) not yet told. */
  | 'after-commit'
  /** The import log holds the outcome; the journal not yet cleared. */
  | 'after-log'
  /** A followed file's batch imported and logged; its new offset not yet stored (etl/follow). */
  | 'follow-before-offset'
  /** A lake partition's new file written under its temporary name, not yet renamed (server/lake). */
  | 'lake-before-rename'
  /** A lake partition's new file renamed into place, the lake's state not yet written. */
  | 'lake-after-rename';

export function killPoint(point: KillPoint): void {
  if (process.env.CALLSCORE_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}
