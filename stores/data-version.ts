/**
 * A counter that moves whenever stored data changes in this process: every audited change (the
 * audit helper is the one path for changes to evaluations, claims, rules, plans and pay periods)
 * and every finished import. Caches of computed figures key on it, so they never serve figures
 * older than the data. Another process cannot write while this one holds the analytics store.
 */
let version = 0;

export const dataVersion = (): number => version;

/**
 * Counts a change. The audit row is written inside the change's transaction, a moment before it
 * commits: a figure computed in that moment would carry the new version with the old data, so
 * the version moves once more just after, when the commit is done.
 */
export function bumpDataVersion(): void {
  version++;
  setTimeout(() => {
    version++;
  }, 100).unref();
}
