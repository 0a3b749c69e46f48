/**
 * A counter that moves whenever stored data changes in this process: every audited change (the
 * audit helper is the one path for changes to evaluations, claims, rules, plans and pay periods)
 * and every finished import. Caches of computed figures key on it, so they never serve figures
 * older than the data. Another process cannot write while this one holds the analytics store.
 */
let version = 0;

export const dataVersion = (): number => version;

export function bumpDataVersion(): void {
  version++;
}
