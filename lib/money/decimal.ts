/**
 * Exact decimals as scaled integers: value = u × 10^e. Sums of amounts never touch floating point.
 * Amounts in these documents stay far below 2^53 even in 元 with two decimals (9×10^13 元), so a
 * JS integer is exact; `assertSafe` guards the assumption.
 */
export interface Dec {
  u: number;
  e: number;
}

const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(10 ** i);

function pow10(n: number): number {
  const p = POW10[n];
  if (p === undefined) throw new RangeError(`10^${n} out of range`);
  return p;
}

function assertSafe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount exceeds exact integer range: ${n}`);
  return n;
}

/** The integer that represents `d` at exponent `e` (which must be ≤ d.e). */
export function at(d: Dec, e: number): number {
  if (e > d.e) throw new RangeError('cannot rescale to a coarser exponent exactly');
  return assertSafe(d.u * pow10(d.e - e));
}

export function add(a: Dec, b: Dec): Dec {
  const e = Math.min(a.e, b.e);
  return { u: assertSafe(at(a, e) + at(b, e)), e };
}

export function sub(a: Dec, b: Dec): Dec {
  return add(a, neg(b));
}

export function neg(a: Dec): Dec {
  return { u: a.u === 0 ? 0 : -a.u, e: a.e };
}

export function sum(ds: readonly Dec[], e0 = 0): Dec {
  let acc: Dec = { u: 0, e: e0 };
  for (const d of ds) acc = add(acc, d);
  return acc;
}

export function cmp(a: Dec, b: Dec): number {
  const e = Math.min(a.e, b.e);
  const x = at(a, e);
  const y = at(b, e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function abs(a: Dec): Dec {
  return a.u < 0 ? neg(a) : a;
}

/** Fixed-point string with exactly `decimals` digits after the point (rounding half away from zero). */
export function format(d: Dec, decimals: number, thousands = false): string {
  const target = -decimals;
  let u: number;
  if (d.e >= target) {
    u = at(d, target);
  } else {
    const div = pow10(target - d.e);
    const q = Math.trunc(d.u / div);
    const r = Math.abs(d.u - q * div);
    u = r * 2 >= div ? q + Math.sign(d.u) : q;
  }
  const negative = u < 0;
  const digits = String(Math.abs(u)).padStart(decimals + 1, '0');
  let intPart = decimals > 0 ? digits.slice(0, -decimals) : digits;
  const frac = decimals > 0 ? digits.slice(-decimals) : '';
  if (thousands) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + intPart + (frac ? '.' + frac : '');
}

/** Scale by 10^k exactly (unit conversion). */
export function shift(d: Dec, k: number): Dec {
  return { u: d.u, e: d.e + k };
}
