import { describe, expect, it } from 'vitest';
import { localDate, toInstant } from '../../core/time.ts';

const TZ = 'Europe/Chisinau';

describe('toInstant', () => {
  it('takes an offset as written', () => {
    expect(toInstant('2026-10-01T09:15:00+03:00', TZ).toISOString()).toBe('2026-10-01T06:15:00.000Z');
    expect(toInstant('2026-10-01T09:15:00Z', TZ).toISOString()).toBe('2026-10-01T09:15:00.000Z');
  });
  it('takes every offset ISO 8601 allows: hours alone, with or without a colon, after a space', () => {
    expect(toInstant('2026-10-01T09:15:00+03', TZ).toISOString()).toBe('2026-10-01T06:15:00.000Z');
    expect(toInstant('2026-10-01T09:15+0300', TZ).toISOString()).toBe('2026-10-01T06:15:00.000Z');
    expect(toInstant('2026-10-01 07:00:00+00', TZ).toISOString()).toBe('2026-10-01T07:00:00.000Z');
    expect(toInstant('2026-10-01T09:15:00-05:30', TZ).toISOString()).toBe('2026-10-01T14:45:00.000Z');
    // beyond milliseconds the fraction is cut, as the set-based import does
    expect(toInstant('2026-10-01T09:15:00.123456+03:00', TZ).toISOString()).toBe('2026-10-01T06:15:00.123Z');
  });
  it('refuses a time of the right shape that does not exist', () => {
    expect(() => toInstant('2026-10-01T25:00:00+03:00', TZ)).toThrow(/not a timestamp/);
    expect(() => toInstant('2026-02-30T10:00:00Z', TZ)).toThrow(/not a timestamp/);
    expect(() => toInstant('2026-10-01T10:00:00+24:00', TZ)).toThrow(/not a timestamp/);
    // a wall-clock time too: the zone is no excuse for a day that does not exist
    expect(() => toInstant('2026-02-30 10:00', TZ)).toThrow(/not a timestamp/);
  });
  it('reads a wall-clock time in the company zone, summer and winter', () => {
    expect(toInstant('2026-07-01 09:15:00', TZ).toISOString()).toBe('2026-07-01T06:15:00.000Z');
    expect(toInstant('2026-01-15T09:15', TZ).toISOString()).toBe('2026-01-15T07:15:00.000Z');
    expect(toInstant('2026-10-01', TZ).toISOString()).toBe('2026-09-30T21:00:00.000Z');
  });
  it('handles the hours a DST change skips or repeats', () => {
    // 2026-03-29 02:00 → 03:00 does not exist; read with the offset before the change.
    expect(toInstant('2026-03-29T02:30', TZ).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    // 2026-10-25 02:00–03:00 happens twice; the earlier instant wins.
    expect(toInstant('2026-10-25T02:30', TZ).toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });
  it('refuses what is not a timestamp', () => {
    expect(() => toInstant('soon', TZ)).toThrow(/not a timestamp/);
  });
});

describe('localDate', () => {
  it('gives the local calendar date of an instant', () => {
    expect(localDate(new Date('2026-10-01T21:30:00Z'), TZ)).toBe('2026-10-02');
    expect(localDate(new Date('2026-10-01T21:30:00Z'), 'UTC')).toBe('2026-10-01');
  });
});
