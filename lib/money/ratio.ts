import type { Percent } from './amount';
import { type Dec, at } from './decimal';
import type { Agreement } from './reconcile';

/** A value with the half-width of its rounding interval (both exact decimals). */
export interface Interval {
  value: Dec;
  half: Dec;
}

function big(d: Dec, e: number): bigint {
  return BigInt(at(d, e));
}

/** round(part / whole × 100, decimals), half away from zero, as a fixed-point string. */
function percentOf(part: Dec, whole: Dec, decimals: number): string | null {
  const e = Math.min(part.e, whole.e);
  const p = big(part, e);
  const w = big(whole, e);
  if (w === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const num = p * 100n * scale;
  const neg = num < 0n !== w < 0n;
  const an = num < 0n ? -num : num;
  const aw = w < 0n ? -w : w;
  let q = an / aw;
  if ((an % aw) * 2n >= aw) q += 1n;
  const s = q.toString().padStart(decimals + 1, '0');
  const out = decimals > 0 ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
  return neg && q !== 0n ? `-${out}` : out;
}

/**
 * Does the claimed percentage equal part/whole×100? `exact` when rounding the printed figures gives the
 * printed percentage; `rounding` when some true values inside the printed figures' rounding intervals
 * would give it; otherwise `mismatch`.
 */
export function checkPercent(part: Interval, whole: Interval, claimed: Percent, strict = false): {
  agreement: Agreement;
  computed: string | null;
} {
  const computed = percentOf(part.value, whole.value, claimed.decimals);
  if (computed === null) return { agreement: 'mismatch', computed };
  const claimedStr = formatPercent(claimed);
  if (computed === claimedStr) return { agreement: 'exact', computed };
  if (strict) return { agreement: 'mismatch', computed };
  // Interval test by cross-multiplication in integers.
  const e = Math.min(part.value.e, part.half.e, whole.value.e, whole.half.e);
  const p = big(part.value, e);
  const hp = big(part.half, e);
  const w = big(whole.value, e);
  const hw = big(whole.half, e);
  if (w - hw <= 0n) return { agreement: 'mismatch', computed };
  // claimed interval [c - h, c + h] in units of 10^-(decimals+1) percent
  const k = BigInt(claimed.decimals + 1);
  const c = BigInt(claimed.units) * 10n;
  const lo = c - 5n;
  const hi = c + 5n;
  const scale = 100n * 10n ** k; // ratio × 100 × 10^k compared with lo/hi
  // ratio range: [(p - hp)/(w + hw), (p + hp)/(w - hw)]
  const rLoNum = (p - hp) * scale;
  const rLoDen = w + hw;
  const rHiNum = (p + hp) * scale;
  const rHiDen = w - hw;
  // overlap iff rLo <= hi and rHi >= lo
  const overlap = rLoNum <= hi * rLoDen && rHiNum >= lo * rHiDen;
  return { agreement: overlap ? 'rounding' : 'mismatch', computed };
}

export function formatPercent(p: Percent): string {
  const neg = p.units < 0;
  const s = String(Math.abs(p.units)).padStart(p.decimals + 1, '0');
  const out = p.decimals > 0 ? `${s.slice(0, -p.decimals)}.${s.slice(-p.decimals)}` : s;
  return neg ? `-${out}` : out;
}
