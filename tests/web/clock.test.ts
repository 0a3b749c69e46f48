import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClock } from '../../web/src/clock.ts';

/** The browser's zone is far from the company's, so a time shown in the wrong one changes its day. */
const BROWSER_ZONE = 'Pacific/Kiritimati'; // UTC+14
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.TZ;
  process.env.TZ = BROWSER_ZONE;
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('one clock: every time in the company zone', () => {
  it('runs in a browser zone other than the company zone', () => {
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(BROWSER_ZONE);
  });

  it('shows a claim received late in the evening on its company-zone day, not the browser’s', () => {
    // 23:30 on 31 October in Chisinau (UTC+2 after the change of 25 October) is 1 November in Kiritimati.
    const received = '2026-10-31T21:30:00Z';
    const clock = makeClock('en-GB', 'Europe/Chisinau');
    expect(clock.date(received)).toBe('31 Oct 2026');
    expect(clock.dateTime(received)).toBe('31 Oct 2026, 23:30');
    expect(clock.time(received)).toBe('23:30');
    expect(clock.day(new Date(received))).toBe('2026-10-31');
    expect(new Date(received).getDate()).toBe(1); // what the browser's zone would have said
  });

  it('names the zone once for a column or a line of times, in every language', () => {
    const clock = makeClock('ru-RU', 'Europe/Chisinau');
    expect(clock.withZone(clock.time('2026-10-03T11:05:00Z'))).toBe('14:05 (Europe/Chisinau)');
    expect(clock.zone).toBe('Europe/Chisinau');
    expect(makeClock('ro-RO', 'Europe/Chisinau').date('2026-10-31T22:30:00Z')).toBe('1 nov. 2026');
  });

  it('falls back to UTC for a zone Intl does not know, and shows a dash for no time', () => {
    const clock = makeClock('en-GB', 'Mars/Olympus');
    expect(clock.zone).toBe('UTC');
    expect(clock.time('2026-10-03T11:05:00Z')).toBe('11:05');
    expect(clock.dateTime(null)).toBe('—');
  });
});
