import { asciiDigits, repairGlyphs } from '../text/normalize';
import type { Dec } from './decimal';
import { shift } from './decimal';
import { UNIT_EXPONENT, type MoneyUnit } from './units';

/**
 * An amount as printed in a cell or a sentence. `units` is the printed value scaled by 10^decimals,
 * so `1,990.50` is {units: 199050, decimals: 2}. Blank and dash cells are "nothing printed": they sum
 * as an exact zero but are distinguished from a printed `0.00`.
 */
export interface Amount {
  units: number;
  decimals: number;
  raw: string;
  printed: boolean;
  /** Set when the printed form needed repair to be read (`883. 50`, `883 50`). */
  repair?: 'space-in-decimal' | 'lost-decimal-point' | 'unit-suffix';
  /** A unit written inside the cell (`883.50万元`). */
  unit?: MoneyUnit;
}

interface ParseOptions {
  /**
   * The text sits in a money column. Only then is `883 50` read as 883.50: outside a money column
   * two digit groups separated by a space are more likely a code (`201 03`).
   */
  numericColumn?: boolean;
}

const DASHES = new Set(['-', '--', '—', '——', '–', '－', '―', '/', '\\', '—-', '…', '——————']);
/** Digits only: the sign has been read before, and a second sign (`+-5`) makes the text no amount. */
const NUM_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
/**
 * Characters that print as nothing (zero-width space, joiners, word joiner, BOM, soft hyphen): a CMS or
 * an editor leaves them inside numbers, where they would make a printed amount unreadable.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/**
 * More decimals than any printed amount has: a cell like that is unreadable (and its scale would
 * overflow every sum it joins), so it is left out rather than spoil the whole document.
 */
const MAX_DECIMALS = 8;

export const BLANK: Amount = Object.freeze({ units: 0, decimals: 0, raw: '', printed: false }) as Amount;

/**
 * Read a printed amount. Returns null when the text is not an amount (a label, a code with letters,
 * a percentage), `BLANK`-like values for blank and dash cells.
 */
export function parseAmount(text: string, opts: ParseOptions = {}): Amount | null {
  const raw = text.trim();
  let s = asciiDigits(repairGlyphs(text.replace(INVISIBLE, ''))).trim();
  if (s === '') return { ...BLANK };
  if (DASHES.has(s.replace(/\s+/g, ''))) return { units: 0, decimals: 0, raw, printed: false };

  let negative = false;
  const paren = /^[(（]\s*(.*?)\s*[)）]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!;
    // "(-5)", "(+5)": a sign inside accounting brackets is no known notation; do not guess.
    if (/^[-−+－＋]/.test(s)) return null;
  }
  if (/^[-−－]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (/^[+＋]/.test(s)) s = s.slice(1).trim();
  // A second sign ("+-5", "--5", "-+5") is not a printed amount.
  if (/^[-−－+＋]/.test(s)) return null;

  let unit: MoneyUnit | undefined;
  let repair: Amount['repair'];
  const unitMatch = /^(.*?)\s*(亿元|百万元|万元|千元|元)$/.exec(s);
  if (unitMatch) {
    s = unitMatch[1]!;
    unit = unitMatch[2] as MoneyUnit;
    repair = 'unit-suffix';
  }

  // Spaces inside a number: after a thousands comma, around the decimal point (`883. 50`).
  if (/\s/.test(s)) {
    const t = s.replace(/\s*([.,])\s*/g, '$1');
    if (t !== s) {
      s = t;
      repair = 'space-in-decimal';
    }
    if (/\s/.test(s)) {
      // `883 50`: a decimal point lost in a money column (two trailing digits).
      const m = /^(\d{1,3}(?:,\d{3})+|\d+) (\d{2})$/.exec(s);
      if (m && opts.numericColumn) {
        s = `${m[1]}.${m[2]}`;
        repair = 'lost-decimal-point';
      } else return null;
    }
  }

  const m = NUM_RE.exec(s);
  if (!m) return null;
  const intDigits = m[1]!.replace(/,/g, '');
  const frac = m[2] ?? '';
  if (frac.length > MAX_DECIMALS) return null;
  const units = Number(intDigits + frac);
  if (!Number.isSafeInteger(units)) return null;
  const amount: Amount = {
    units: negative && units !== 0 ? -units : units,
    decimals: frac.length,
    raw,
    printed: true,
  };
  if (repair) amount.repair = repair;
  if (unit) amount.unit = unit;
  return amount;
}

/** The exact value of an amount, in 元 (or in `unit` if the caller keeps one unit throughout). */
export function toDec(a: Amount, unit: MoneyUnit = '元', target: MoneyUnit = '元'): Dec {
  const d: Dec = { u: a.units, e: -a.decimals };
  const from = a.unit ?? unit;
  return shift(d, UNIT_EXPONENT[from] - UNIT_EXPONENT[target]);
}

/** Half a unit in the last printed digit (the rounding envelope of one printed value), as a Dec. */
export function halfUlp(a: Amount, unit: MoneyUnit = '元', target: MoneyUnit = '元'): Dec {
  // Nothing printed, or a printed zero ("0", "0.00"): zero means none, not a rounded small amount.
  if (!a.printed || a.units === 0) return { u: 0, e: 0 };
  const from = a.unit ?? unit;
  return { u: 5, e: -a.decimals - 1 + UNIT_EXPONENT[from] - UNIT_EXPONENT[target] };
}

export interface Percent {
  units: number;
  decimals: number;
  raw: string;
}

/** `52.58%`, `52.58 %`, `100%`, `９０．６１％`. */
export function parsePercent(text: string): Percent | null {
  const s = asciiDigits(text).replace(/\s+/g, '');
  const m = /^([+-]?)(\d+)(?:\.(\d+))?%$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = Number(m[2]! + frac);
  return { units: m[1] === '-' ? -units : units, decimals: frac.length, raw: text.trim() };
}
