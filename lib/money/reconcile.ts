import { type Amount, halfUlp, toDec } from './amount';
import { type Dec, add, at, cmp, neg, sub } from './decimal';
import type { MoneyUnit } from './units';

/**
 * Comparing printed figures the way XBRL Calculations 1.1 does: every printed value stands for the
 * interval of true values that round to it, a sum of printed values for the sum of those intervals.
 * Two sides are consistent when their intervals overlap; they are exactly equal when the printed
 * values agree. `strict` treats any printed difference as a mismatch.
 */
export type TolerancePolicy = 'rounding-aware' | 'strict';

export interface Term {
  amount: Amount;
  unit: MoneyUnit;
  /** −1 for terms that are subtracted. */
  sign?: 1 | -1;
}

export type Agreement = 'exact' | 'rounding' | 'mismatch';

export interface Reconciliation {
  agreement: Agreement;
  /** Σ parts (what the total should be), in `target` units. */
  expected: Dec;
  /** The printed total in `target` units. */
  printed: Dec;
  /** printed − expected. */
  difference: Dec;
  /** Largest difference rounding can explain. */
  envelope: Dec;
  /** Digits to show for expected/difference: the finest printed precision involved. */
  decimals: number;
}

function decimalsIn(t: Term, target: MoneyUnit): number {
  const d = toDec(t.amount, t.unit, target);
  return Math.max(0, -d.e);
}

/**
 * total = Σ sign·parts, within the rounding envelope. Intervals are half-open on the rounding
 * boundary, so a single printed value compared with another single printed value of the same
 * precision must match exactly (326.71 vs 326.72 is a mismatch, not rounding).
 */
export function reconcile(
  total: Term,
  parts: readonly Term[],
  policy: TolerancePolicy = 'rounding-aware',
  target: MoneyUnit = total.unit,
): Reconciliation {
  let expected: Dec = { u: 0, e: 0 };
  let envelope: Dec = { u: 0, e: 0 };
  let decimals = decimalsIn(total, target);
  let printedTerms = 0;
  for (const p of parts) {
    const d = toDec(p.amount, p.unit, target);
    expected = add(expected, p.sign === -1 ? neg(d) : d);
    envelope = add(envelope, halfUlp(p.amount, p.unit, target));
    decimals = Math.max(decimals, decimalsIn(p, target));
    if (p.amount.printed) printedTerms++;
  }
  const printed = toDec(total.amount, total.unit, target);
  envelope = add(envelope, halfUlp(total.amount, total.unit, target));
  if (total.amount.printed) printedTerms++;
  const difference = sub(printed, expected);
  const c = cmp(difference, { u: 0, e: 0 });
  let agreement: Agreement;
  if (c === 0) agreement = 'exact';
  else if (policy === 'strict') agreement = 'mismatch';
  else {
    const absDiff = c < 0 ? neg(difference) : difference;
    // Strictly inside the envelope; with only two printed values the boundary is excluded
    // (two roundings of one value cannot land a full unit apart).
    const e = Math.min(absDiff.e, envelope.e);
    const within = printedTerms > 2 ? at(absDiff, e) <= at(envelope, e) : at(absDiff, e) < at(envelope, e);
    agreement = within ? 'rounding' : 'mismatch';
  }
  return { agreement, expected, printed, difference, envelope, decimals };
}

