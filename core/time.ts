/**
 * Time-zone arithmetic with Intl only: timestamps without an offset are wall-clock times in the
 * company zone (docs/data.md), and periods are cut on local dates (docs/scoring.md).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of `tz` from UTC at instant `ms`, in milliseconds (east positive). */
export function zoneOffsetMs(ms: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Date, then optionally the time, then optionally its offset: `Z`, `+03`, `+0300` or `+03:00`. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * An ISO 8601 timestamp as a UTC instant. With an offset it is taken as written; without one it
 * is a wall-clock time in `tz` (a bare date is its local midnight). In the hour a DST change
 * repeats, the earlier instant wins; in the hour it skips, the time is read with the offset
 * before the change. Read by hand rather than by Date, which refuses an offset of hours alone
 * (+03) that ISO 8601 allows and DuckDB writes (+00); beyond milliseconds a fraction is cut.
 */
export function toInstant(ts: string, tz: string): Date {
  const m = TIMESTAMP.exec(ts.trim());
  if (!m) throw new Error(`"${ts}" is not a timestamp`);
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone, sign, oh = '0', om = '0'] = m;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(sec),
    Number(frac.slice(0, 3).padEnd(3, '0')),
  );
  // Date.UTC rolls 25:00 or 30 February over to the next day: such a text is no timestamp.
  const back = new Date(wall);
  if (
    Number.isNaN(wall) ||
    back.getUTCMonth() !== Number(mo) - 1 ||
    back.getUTCDate() !== Number(d) ||
    back.getUTCHours() !== Number(h) ||
    back.getUTCMinutes() !== Number(mi) ||
    back.getUTCSeconds() !== Number(sec) ||
    Number(oh) > 23 ||
    Number(om) > 59
  )
    throw new Error(`"${ts}" is not a timestamp`);
  if (zone) {
    const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    return new Date(wall - offset);
  }
  // The offsets half a day either side bracket any DST change near this wall-clock time.
  const before = zoneOffsetMs(wall - 43_200_000, tz);
  const after = zoneOffsetMs(wall + 43_200_000, tz);
  const valid = [wall - before, wall - after].filter(
    (t, i) => zoneOffsetMs(t, tz) === (i === 0 ? before : after),
  );
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/** The local calendar date (YYYY-MM-DD) of an instant in `tz`. */
export function localDate(instant: Date, tz: string): string {
  const parts = formatter(tz).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The month (`YYYY-MM`) it is at `now` in `tz`: the one month that has not ended yet. */
export const currentMonth = (now: Date, tz: string): string => localDate(now, tz).slice(0, 7);

/**
 * The last month that has ended in `tz` at `now`: the month every page shows by default, since
 * the running month's figures are still moving and a comparison with a whole month misleads.
 */
export function lastCompleteMonth(now: Date, tz: string): string {
  const [y, m] = currentMonth(now, tz).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
