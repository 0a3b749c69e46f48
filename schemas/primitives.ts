import { z } from 'zod';

/**
 * Field parsers shared by every input kind. Input cells arrive as text (CSV) or as JSON values;
 * each parser accepts both and yields the canonical value, or fails with a message a person
 * can act on. An empty cell is null, never a silent 0 or "".
 */

const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v;

/** Wraps a parser so that an empty cell means null. */
export const nullable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable());

export const identifier = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
  z.string({ error: 'is required' }).min(1, 'is required').max(200, 'is longer than 200 characters'),
);

export const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(10_000));

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/** ISO 8601 timestamp (a bare date is its midnight); without an offset it is read in the company time zone. */
export const timestamp = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v.trim() : v),
  z.string().regex(ISO_TIMESTAMP, 'is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])'),
);

/** One definition of a month and a date, shared with the request schemas. */
export { localDate, period } from './period.ts';

export const currency = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code'),
);

const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n']);

export const boolean = z.preprocess(
  (v) => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : v;
    if (typeof v === 'string') {
      const s = v.trim().toLowerCase();
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
    }
    return v;
  },
  z.boolean({ error: 'is not a boolean (true/false, 1/0, yes/no)' }),
);

/** A decimal written with `.` or `,` as the separator, as a number. */
export const decimal = z.preprocess(
  (v) => {
    if (typeof v === 'string') {
      const s = v.trim().replace(/\s/g, '');
      if (!/^[-+]?\d+([.,]\d+)?$/.test(s)) return Number.NaN;
      return Number(s.replace(',', '.'));
    }
    return v;
  },
  z.number({ error: 'is not a number' }).finite('is not a number'),
);

/** Money in major units ("20000.00", "20000,5") converted to integer minor units without float drift. */
export const money = z.preprocess(
  (v) => {
    const s = typeof v === 'number' ? v.toFixed(2) : typeof v === 'string' ? v.trim().replace(/\s/g, '') : v;
    if (typeof s !== 'string') return s;
    const m = /^([-+]?)(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
    if (!m) return Number.NaN;
    const [, sign, whole, frac = ''] = m;
    const minor = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    return sign === '-' ? -minor : minor;
  },
  z.number({ error: 'is not an amount' }).int('has more than 2 decimals').finite('is not an amount'),
);

export const count = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'is not a whole number' }).int('is not a whole number').nonnegative('is negative'),
);

export const seconds = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'is not a number of seconds' }).nonnegative('is negative'),
);

export const score = decimal.pipe(z.number().min(0, 'is below 0').max(100, 'is above 100'));

/** `;`-separated list, e.g. pbx_ids. */
export const list = z.preprocess(
  (v) =>
    Array.isArray(v)
      ? v.map(String)
      : typeof v === 'string'
        ? v
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
  z.array(z.string()),
);

export const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(values, { error: `is not one of ${values.join(', ')}` }),
  );
