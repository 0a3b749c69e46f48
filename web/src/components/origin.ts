import type { Location, NavigationType } from 'react-router';

/**
 * Where each page was opened from, by the history entry's key: the page the user was on before a
 * link took him here. Kept in the tab's session storage, so a reload or the browser's back and
 * forward buttons find it again. A page that replaces its own entry (a filter, a tab) or pushes
 * another entry of itself (a new period) keeps the origin it had.
 */

const STORAGE_KEY = 'callscore.origins';
/** Enough for a day's work in one tab; the oldest are forgotten first. */
const KEEP = 200;

const origins = new Map<string, string>(load());
let last: { key: string; pathname: string; href: string } | null = null;

function load(): [string, string][] {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter((e): e is [string, string] => Array.isArray(e) && e.length === 2)
      : [];
  } catch {
    // Storage may be unavailable or hold something else: start without origins.
    return [];
  }
}

function save() {
  while (origins.size > KEEP) origins.delete(origins.keys().next().value as string);
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...origins]));
  } catch {
    // A full or disabled storage only loses the origins after a reload.
  }
}

/**
 * Notes a location the app has moved to. Called while the shell renders, before the page does, so
 * the page reads its origin in the same render; the same location noted twice changes nothing.
 */
export function noteLocation(location: Location, type: NavigationType): void {
  if (last?.key === location.key) return;
  const href = location.pathname + location.search;
  // Going back or forward returns to an entry noted when it was made; the first page of a load
  // (key "default", whatever its address) has no origin.
  if (last && type !== 'POP' && location.key !== 'default' && !origins.has(location.key)) {
    const samePage = location.pathname === last.pathname;
    const origin = type === 'REPLACE' || samePage ? origins.get(last.key) : last.href;
    if (origin !== undefined) {
      origins.set(location.key, origin);
      save();
    }
  }
  last = { key: location.key, pathname: location.pathname, href };
}

/** The path and query the page of this history entry was opened from, if known. */
export function originOf(key: string): string | undefined {
  return origins.get(key);
}
