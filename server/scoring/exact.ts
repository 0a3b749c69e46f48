/**
 * Exact rational numbers for the pay rule. docs/scoring.md rounds only the coefficient (and money):
 * every deduction is taken from the criteria as they are (a quality mean of 70.00333…, an error
 * rate of 1/12), so no rounding of a shown figure can move the coefficient by a basis point. A
 * fraction of two BigInts keeps those values exactly, and rounding half up is then decided on the
 * true value, not on a binary approximation of it.
 */
export interface Ratio {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [abs(a), abs(b)];
  while (y) [x, y] = [y, x % y];
  return x;
};

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  let [bn, bd] = [BigInt(n), BigInt(d)];
  if (bd === 0n) throw new RangeError('division by zero');
  if (bd < 0n) [bn, bd] = [-bn, -bd];
  const g = gcd(bn, bd) || 1n;
  return { n: bn / g, d: bd / g };
}

/**
 * A number read as the decimal it is written as (0.015 is 15/1000, not the binary double nearest
 * to it): rule parameters and stored figures are decimals, and that is what the rule means.
 */
export function fromDecimal(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`cannot read ${x} as a decimal`);
  const [, sign, whole, frac = '', exp = '0'] = m;
  const scale = frac.length - Number(exp);
  const digits = BigInt(`${sign}${whole}${frac}`);
  return scale >= 0 ? ratio(digits, 10n ** BigInt(scale)) : ratio(digits * 10n ** BigInt(-scale));
}

export type Exact = Ratio | number;
export const exact = (x: Exact): Ratio => (typeof x === 'number' ? fromDecimal(x) : x);

export const add = (a: Ratio, b: Ratio) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio) => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio) => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio) => ratio(a.n * b.d, a.d * b.n);
export const cmp = (a: Ratio, b: Ratio): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const min = (a: Ratio, b: Ratio) => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Ratio, b: Ratio) => (cmp(a, b) >= 0 ? a : b);
export const ZERO = ratio(0);
export const ONE = ratio(1);

/** `round_half_up(x, places)` on the exact value, as the nearest double (0.40625 → 0.4063). */
export function roundRatio(x: Ratio, places: number): number {
  const scale = 10n ** BigInt(places);
  const q = (2n * abs(x.n) * scale + x.d) / (2n * x.d);
  const r = Number(q) / Number(scale);
  return x.n < 0n ? -r : r;
}

/** The double nearest to the value: what the JSON of a scorecard carries. */
export const toNumber = (x: Ratio): number => {
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  // Both exact as doubles: one division, correctly rounded.
  if (abs(x.n) <= safe && x.d <= safe) return Number(x.n) / Number(x.d);
  return Number((x.n * 10n ** 17n) / x.d) / 1e17;
};

/**
 * The value as a decimal for an explanation: exact when it ends within `places` decimals
 * (0.14995), else rounded to `places` and marked with `…` (0.12666667…), so a reader sees which
 * figures are exact and which are cut for showing.
 */
export function decimalText(x: Ratio, places = 8): string {
  const scale = 10n ** BigInt(places);
  const terminates = (x.n * scale) % x.d === 0n;
  const r = roundRatio(x, places);
  const text = r.toFixed(places).replace(/\.?0+$/, '');
  return terminates ? text : `${text}…`;
}
