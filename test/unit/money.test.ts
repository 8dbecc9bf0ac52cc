import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format, parseAmount, parsePercent, reconcile, toDec, checkPercent, halfUlp } from '../../lib/money';
import type { Amount, MoneyUnit } from '../../lib/money';

const amt = (s: string, numericColumn = true): Amount => {
  const a = parseAmount(s, { numericColumn });
  if (!a) throw new Error(`not an amount: ${s}`);
  return a;
};

describe('parseAmount', () => {
  it.each([
    ['1,990.50', 199050, 2],
    ['1070', 1070, 0],
    ['883. 50', 88350, 2],
    ['883 50', 88350, 2],
    ['１，０７０．００', 107000, 2],
    ['-12.50', -1250, 2],
    ['（12.50）', -1250, 2],
    ['(12.50)', -1250, 2],
    ['0.00', 0, 2],
    ['7,395,500.0', 73955000, 1],
    [' 969.06 ', 96906, 2],
    ['1, 070.00', 107000, 2],
    ['883.50万元', 88350, 2],
  ])('%s → %d×10^-%d', (s, units, decimals) => {
    const a = amt(s);
    expect(a.units).toBe(units);
    expect(a.decimals).toBe(decimals);
    expect(a.printed).toBe(true);
  });

  it('tells blank and dash (nothing printed) from a printed zero', () => {
    expect(amt('').printed).toBe(false);
    expect(amt('-').printed).toBe(false);
    expect(amt('—').printed).toBe(false);
    expect(amt('——').printed).toBe(false);
    expect(amt('\u00a0').printed).toBe(false);
    const zero = amt('0.00');
    expect(zero.printed).toBe(true);
    expect(zero.units).toBe(0);
  });

  it('reads a split decimal only inside a money column', () => {
    expect(parseAmount('883 50', { numericColumn: false })).toBeNull();
    expect(parseAmount('201 03 01', { numericColumn: true })).toBeNull();
  });

  it('rejects labels, codes with letters and percentages', () => {
    for (const s of ['合计', '行政运行', '50%', 'A12', '1.2.3', '12,34', '2024年']) {
      expect(parseAmount(s)).toBeNull();
    }
  });

  it('keeps the printed precision', () => {
    expect(amt('883.5').decimals).toBe(1);
    expect(amt('883.50').decimals).toBe(2);
  });

  it('round-trips any fixed-point number, with or without thousands separators (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (u, d, sep) => {
        const s = format({ u, e: -d }, d, sep);
        const a = amt(s);
        expect(a.units).toBe(u);
        expect(a.decimals).toBe(d);
      }),
    );
  });

  it('reads full-width forms the same as ASCII (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), (u) => {
        const s = format({ u, e: -2 }, 2, true);
        const fw = s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(amt(fw).units).toBe(u);
      }),
    );
  });
});

describe('units', () => {
  it('converts 万元 to 元 exactly', () => {
    const d = toDec(amt('883.50'), '万元', '元');
    expect(format(d, 0)).toBe('8835000');
    expect(format(toDec(amt('7,395,500.0'), '元', '万元'), 2)).toBe('739.55');
  });
});

describe('reconcile (rounding envelope of the printed digits)', () => {
  const t = (s: string, unit: MoneyUnit = '万元') => ({ amount: amt(s), unit });
  it('exact sums are exact', () => {
    const r = reconcile(t('1070.00'), [t('562.63'), t('507.37')]);
    expect(r.agreement).toBe('exact');
  });
  it('a one-cent difference across two printed figures of equal precision is a mismatch', () => {
    const r = reconcile(t('326.71'), [t('326.72')]);
    expect(r.agreement).toBe('mismatch');
    expect(format(r.difference, 2)).toBe('-0.01');
  });
  it('a one-cent difference in a sum of rounded parts is rounding', () => {
    const r = reconcile(t('100.00'), [t('33.33'), t('33.33'), t('33.34')]);
    expect(r.agreement).toBe('exact');
    const r2 = reconcile(t('100.00'), [t('33.33'), t('33.33'), t('33.33')]);
    expect(r2.agreement).toBe('rounding');
  });
  it('mixed precision: 1,070.0 = 562.6 + 507.4 and 562.6 vs 562.63', () => {
    expect(reconcile(t('1,070.0'), [t('562.6'), t('507.4')]).agreement).toBe('exact');
    expect(reconcile(t('562.6'), [t('562.63')]).agreement).toBe('rounding');
    expect(reconcile(t('562.6'), [t('562.73')]).agreement).toBe('mismatch');
  });
  it('元 against 万元: 7,395,500.0 元 = 739.55 万元', () => {
    const r = reconcile({ amount: amt('7,395,500.0'), unit: '元' }, [t('739.55')], 'rounding-aware', '元');
    expect(r.agreement).toBe('exact');
  });
  it('strict policy turns rounding into mismatch', () => {
    expect(reconcile(t('100.00'), [t('33.33'), t('33.33'), t('33.33')], 'strict').agreement).toBe('mismatch');
  });
  it('blank parts sum as exact zero', () => {
    expect(reconcile(t('5.00'), [t(''), t('5.00'), t('-')]).agreement).toBe('exact');
  });
  it('never drifts on sums of many cents (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 60 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const r = reconcile(t(format({ u: total, e: -2 }, 2)), parts.map((u) => t(format({ u, e: -2 }, 2))));
        expect(r.agreement).toBe('exact');
      }),
    );
  });
});

describe('percentages', () => {
  const iv = (s: string) => {
    const a = amt(s);
    return { value: toDec(a, '万元', '万元'), half: halfUlp(a, '万元', '万元') };
  };
  it('52.58% of 1070 is 562.63', () => {
    expect(checkPercent(iv('562.63'), iv('1070.00'), parsePercent('52.58%')!).agreement).toBe('exact');
  });
  it('YoY 20.30 on a base of 1049.70 is 1.93%', () => {
    expect(checkPercent(iv('20.30'), iv('1049.70'), parsePercent('1.93%')!).agreement).toBe('exact');
    expect(checkPercent(iv('20.30'), iv('1049.70'), parsePercent('1.39%')!).agreement).toBe('mismatch');
  });
});

describe('zero', () => {
  it('a printed zero is exact: 8.70 ≠ 7.70 + 0 + 0 even with integer zeros', () => {
    const t = (s: string) => ({ amount: parseAmount(s)!, unit: '万元' as const });
    expect(reconcile(t('8.70'), [t('7.70'), t('0'), t('0')]).agreement).toBe('mismatch');
    expect(reconcile(t('8.70'), [t('8.70'), t('0'), t('0')]).agreement).toBe('exact');
  });
});
