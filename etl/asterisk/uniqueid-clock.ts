import type { DuckDBConnection } from '@duckdb/node-api';

/** The offset of a zone from UTC at an instant, in whole minutes. */
function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * An Asterisk uniqueid is the Unix time its channel was made at and a counter: the CDR's start of
 * the same leg is within seconds of it. When the file's starts, read as the import reads them,
 * sit whole hours away from their uniqueids, the server wrote its times in another zone than the
 * import assumed (local wall-clock time under usegmtime=yes, or UTC without it): every call would
 * be shifted. The median over the legs is compared, so a few odd rows decide nothing.
 */
export async function clockNote(
  c: DuckDBConnection,
  opts: { timeZone: string; gmtTimes?: boolean | undefined },
): Promise<string | null> {
  const [median, at] = ((
    await c.runAndReadAll(`SELECT median(epoch(start_at) - uniqueid_epoch), median(uniqueid_epoch)
      FROM cdr_typed WHERE problem IS NULL AND uniqueid_epoch IS NOT NULL`)
  ).getRows()[0] ?? [null, null]) as [number | null, number | bigint | null];
  if (median === null || at === null) return null;
  const hours = Math.round(Number(median) / 3600);
  // Within ten minutes of a whole number of hours, and not zero: a zone, not a slow clock.
  if (hours === 0 || Math.abs(Number(median) - hours * 3600) > 600) return null;
  const shift = `${Math.abs(hours)} h ${hours > 0 ? 'after' : 'before'}`;
  const readAs = opts.gmtTimes ? 'UTC (--gmt)' : `wall-clock time in ${opts.timeZone}`;
  const offset = zoneOffsetMinutes(opts.timeZone, new Date(Number(at) * 1000)) / 60;
  let how: string;
  if (!opts.gmtTimes && hours === -offset) {
    how =
      'the server writes UTC (usegmtime=yes): import it with --gmt (on the imports page: "times are UTC")';
  } else if (opts.gmtTimes && hours === offset) {
    how = `the server writes wall-clock time in ${opts.timeZone}: import it without --gmt`;
  } else {
    how =
      "the server writes another zone's wall-clock time: set the company time zone (timeZone) to the server's, " +
      'or import with --gmt if it writes UTC';
  }
  return (
    `warning: the CDR's start times, read as ${readAs}, are ${shift} the Unix times in its uniqueids ` +
    `(when the PBX made each channel): every call would be shifted by ${Math.abs(hours)} h; ${how}`
  );
}
