import type { TelephonyFormat } from '../asterisk/import-asterisk.ts';

const CDR_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g;

/**
 * The time of the newest event among `lines` (the last line that has one): a queue_log line's
 * Unix time as an ISO instant; a CDR's last time column (its end) as the PBX wrote it, in its own
 * clock, since a CDR line carries no zone.
 */
export function lastEventAt(format: TelephonyFormat, lines: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (format === 'queue-log') {
      const epoch = Number(line.slice(0, line.indexOf('|')));
      if (line.includes('|') && Number.isInteger(epoch) && epoch > 0)
        return new Date(epoch * 1000).toISOString();
    } else {
      const times = line.match(CDR_TIME);
      if (times?.length) return times[times.length - 1] ?? null;
    }
  }
  return null;
}
