import {
  type DataType,
  Dictionary,
  Field,
  Float64,
  Int8,
  Int16,
  Int32,
  Schema,
  Table,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { ARROW_SCALE, ARROW_STREAM, POWERS_OF_TEN } from '../schemas/arrow.ts';

export { ARROW_STREAM };

/** Does the request ask for Arrow IPC rather than JSON? */
export const wantsArrow = (accept: string | undefined): boolean => !!accept && accept.includes(ARROW_STREAM);

/**
 * A column to send. `text` is sent as it is; `label` is text that repeats (a team, a currency),
 * sent once per distinct value with small indexes into that dictionary; `instant` is UTC ISO text
 * with milliseconds, as the JSON has it (schemas/arrow.ts); `number` is any number.
 */
export type Column =
  | { name: string; type: 'text' | 'label' | 'instant'; values: (string | null)[] }
  | { name: string; type: 'number'; values: (number | null)[] };

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** The smallest signed integer type that holds every value from `min` to `max`. */
const intType = (min: number, max: number) =>
  min >= -128 && max <= 127 ? new Int8() : min >= -32_768 && max <= 32_767 ? new Int16() : new Int32();

/**
 * The fewest decimal places that hold every value exactly, or null. Exactly means that the
 * integer `round(v × 10^scale)` fits an Int32 and divided by 10^scale gives back the identical
 * double, which is what the reader computes. Money in minor units and counts have scale 0, a
 * ratio rounded to four places scale 4; a value with binary noise (0.1 + 0.2), NaN or an infinity
 * has none, and its column stays Float64. A -0 comes back as 0, as it does through JSON.
 */
export function decimalScale(values: readonly (number | null)[]): number | null {
  for (let scale = 0; scale < POWERS_OF_TEN.length; scale++) {
    const p = POWERS_OF_TEN[scale] as number;
    let exact = true;
    for (const v of values) {
      if (v === null) continue;
      const n = Math.round(v * p);
      if (!(n >= INT32_MIN && n <= INT32_MAX && n / p === v)) {
        exact = false;
        break;
      }
    }
    if (exact) return scale;
  }
  return null;
}

function numberColumn(name: string, values: readonly (number | null)[]): [Field, Vector] {
  const scale = decimalScale(values);
  if (scale === null) return [new Field(name, new Float64(), true), vectorFromArray(values, new Float64())];
  const p = POWERS_OF_TEN[scale] as number;
  const ints = values.map((v) => (v === null ? null : Math.round(v * p)));
  let min = 0;
  let max = 0;
  for (const n of ints) {
    if (n === null) continue;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  const type = intType(min, max);
  const metadata = scale > 0 ? new Map([[ARROW_SCALE, String(scale)]]) : null;
  return [new Field(name, type, true, metadata), vectorFromArray(ints, type)];
}

function textColumn(
  name: string,
  type: 'text' | 'label',
  values: readonly (string | null)[],
  dictionaryId: number,
): [Field, Vector] {
  let arrowType: DataType = new Utf8();
  if (type === 'label') {
    const distinct = new Set(values).size;
    // The id is given, not drawn from the library's counter, so the same rows give the same bytes.
    arrowType = new Dictionary(new Utf8(), intType(0, distinct), dictionaryId);
  }
  return [new Field(name, arrowType, true), vectorFromArray(values, arrowType)];
}

/**
 * Instants as a Timestamp (milliseconds, UTC): 8 bytes a value instead of 24 characters of text.
 * Only when every value is the very text `toISOString` gives back; otherwise the column is text.
 */
function instantColumn(
  name: string,
  values: readonly (string | null)[],
  dictionaryId: number,
): [Field, Vector] {
  const ms: (number | null)[] = [];
  for (const v of values) {
    const t = v === null ? null : Date.parse(v);
    if (t !== null && !(Number.isFinite(t) && new Date(t).toISOString() === v))
      return textColumn(name, 'text', values, dictionaryId);
    ms.push(t);
  }
  const type = new TimestampMillisecond('UTC');
  return [new Field(name, type, true), vectorFromArray(ms, type)];
}

/**
 * Columns as an Arrow IPC stream. Types are declared, not inferred, so a column whose first
 * values are null still gets its kind, and numbers take the narrowest lossless type that holds
 * them: small integers (scaled by a power of ten, said in the field's metadata) where every value
 * is an exact decimal, Float64 otherwise. Read them back with the web app's `arrowRows`
 * (web/src/api/arrow.ts).
 */
export function arrowStream(columns: readonly Column[]): Uint8Array {
  const fields: Field[] = [];
  const vectors: Record<string, Vector> = {};
  for (const [i, c] of columns.entries()) {
    const [field, vector] =
      c.type === 'number'
        ? numberColumn(c.name, c.values)
        : c.type === 'instant'
          ? instantColumn(c.name, c.values, i)
          : textColumn(c.name, c.type, c.values, i);
    fields.push(field);
    vectors[c.name] = vector;
  }
  return tableToIPC(new Table(new Schema(fields), vectors), 'stream');
}
