import { checkPercent, type Interval } from '../../money/ratio';
import { halfUlp, toDec } from '../../money/amount';
import { add, sub, cmp } from '../../money/decimal';
import { claims, table } from '../lookup';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';
import type { Claim } from '../../recognize/model';
import { allGeneralBudget } from './r13-expenditure-vs-general';

function iv(a: NonNullable<Claim['value']>, unit: Claim['unit']): Interval {
  return { value: toDec(a, unit ?? '万元', '万元'), half: halfUlp(a, unit ?? '万元', '万元') };
}

export default defineRule({
  id: 'R25',
  relation: 'R25',
  title: { zh: '同比增减与增长率相符', en: 'Year-on-year changes and rates agree' },
  problem: { zh: '同比增减额与增长率对不上', en: 'A year-on-year change and its rate disagree' },
  explain: {
    zh: '“增加 A 万元，增长 B%”意味着上年数 = 本年数 − A，B = A ÷ 上年数 × 100。增减方向要一致（增加对应增长，减少对应下降）。当两处说明描述的是同一个总数（例如收支总计与一般公共预算收支，且资金全部为一般公共预算）时，它们给出的增减额和增长率也应相同。',
    en: '"Up A, up B%" implies last year = this year − A and B = A ÷ last year × 100; directions must agree; two sections describing the same total must state the same change.',
  },
  example: { zh: '例：本年 1070，增加 20.30 → 上年 1049.70，20.30 ÷ 1049.70 = 1.93%。', en: 'E.g. 1070 up 20.30 → base 1049.70 → 1.93%.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const c of doc.claims) {
      const ch = c.change;
      if (!ch || !c.value || ch.direction === 'flat') continue;
      if (ch.rateDirection && ch.rateDirection !== ch.direction) {
        out.push(note('R25', 'error', `“${c.source.quote.slice(0, 60)}”：金额${ch.direction === 'increase' ? '增加' : '减少'}，增长率却说${ch.rateDirection === 'increase' ? '增长' : '下降'}`, 'The change and its rate point in opposite directions', [{ kind: 'claim', claim: c, role: 'printed', label: c.label }]));
      }
      if (!ch.amount || !ch.rate) continue;
      const key = `${c.source.quote}|${ch.amount.raw}|${ch.rate.raw}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const now = iv(c.value, c.unit);
      const delta = iv(ch.amount, c.unit);
      const derived: Interval = { value: ch.direction === 'increase' ? sub(now.value, delta.value) : add(now.value, delta.value), half: add(now.half, delta.half) };
      if (ch.base) {
        // The sentence states the prior figure too: this year − prior must be the stated change.
        const base = iv(ch.base, c.unit);
        const gap = sub(derived.value, base.value);
        const abs = cmp(gap, { u: 0, e: 0 }) < 0 ? { u: -gap.u, e: gap.e } : gap;
        const tol = add(derived.half, base.half);
        if (cmp(abs, { u: 0, e: 0 }) !== 0) {
          const within = cmp(abs, tol) <= 0;
          const diff = sub(now.value, base.value);
          out.push(note('R25', within ? 'info' : 'error', `“${c.label} ${c.value.raw} 万元，比${ch.versus ?? '上年'} ${ch.base.raw} 万元${ch.direction === 'increase' ? '增加' : '减少'} ${ch.amount.raw} 万元”：两数之差为 ${fmt(diff)}，与所说的增减额不符`, `${c.value.raw} against ${ch.base.raw} is a change of ${fmt(diff)}, not ${ch.amount.raw}`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [c.value.raw, ch.base.raw, ch.amount.raw], { expected: fmt(diff), printed: ch.amount.raw }));
        }
      }
      const prior: Interval = ch.base ? iv(ch.base, c.unit) : derived;
      if (cmp(prior.value, { u: 0, e: 0 }) <= 0) continue;
      const r = checkPercent(delta, prior, ch.rate, ctx.policy === 'strict');
      if (r.agreement === 'exact') continue;
      const sev = r.agreement === 'rounding' ? 'info' : 'error';
      out.push(note('R25', sev, `“${c.label}${ch.direction === 'increase' ? '增加' : '减少'} ${ch.amount.raw} 万元，${ch.rateDirection === 'decrease' ? '下降' : '增长'} ${ch.rate.raw}”：以本年 ${c.value.raw} 推得上年约 ${fmt(prior.value)}，增长率应为 ${r.computed}%`, `Change ${ch.amount.raw} on a base of ${fmt(prior.value)} is ${r.computed}%, not ${ch.rate.raw}`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [c.value.raw, ch.amount.raw, ch.rate.raw], { expected: `${r.computed}%`, printed: ch.rate.raw }));
    }
    // Two sections describing the same total must state the same change.
    const grand = claims(doc, 'income.grand').find((c) => c.change?.amount);
    const fiscal = claims(doc, 'fiscal.gp').find((c) => c.change?.amount);
    if (grand && fiscal && grand.value && fiscal.value && allGeneralBudget(table(doc, 'income-expenditure'))) {
      const same = cmp(toDec(grand.value), toDec(fiscal.value)) === 0;
      const ga = grand.change!;
      const fa = fiscal.change!;
      if (same && (cmp(toDec(ga.amount!), toDec(fa.amount!)) !== 0 || ga.direction !== fa.direction || (ga.rate && fa.rate && ga.rate.units * 10 ** (4 - ga.rate.decimals) !== fa.rate.units * 10 ** (4 - fa.rate.decimals)))) {
        const pa = fmt(sub(toDec(grand.value), signed(ga)));
        const pb = fmt(sub(toDec(fiscal.value), signed(fa)));
        out.push(note('R25', 'error',
          `同一总数 ${grand.value.raw} 万元的同比变化前后不一：收支总计“${word(ga)} ${ga.amount!.raw} 万元，${ga.rate?.raw ?? ''}”推得上年 ${pa}，一般公共预算收支“${word(fa)} ${fa.amount!.raw} 万元，${fa.rate?.raw ?? ''}”推得上年 ${pb}；资金全部为一般公共预算时两者应相同`,
          `The same total is said to change by ${ga.amount!.raw} in one section and by ${fa.amount!.raw} in another (implied bases ${pa} vs ${pb})`,
          [{ kind: 'claim', claim: grand, role: 'printed', label: grand.label }, { kind: 'claim', claim: fiscal, role: 'compare', label: fiscal.label }],
          [ga.amount!.raw, fa.amount!.raw], { expected: ga.amount!.raw, printed: fa.amount!.raw }));
      }
    }
    return out;
  },
});

function signed(c: NonNullable<Claim['change']>) {
  const d = toDec(c.amount!);
  return c.direction === 'decrease' ? { u: -d.u, e: d.e } : d;
}

function word(c: NonNullable<Claim['change']>): string {
  return c.direction === 'increase' ? '增加' : c.direction === 'decrease' ? '减少' : '持平';
}

function fmt(d: { u: number; e: number }): string {
  const decimals = Math.max(0, -d.e);
  const s = String(Math.abs(d.u)).padStart(decimals + 1, '0');
  const out = decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s + '0'.repeat(Math.max(0, d.e));
  return (d.u < 0 ? '-' : '') + out;
}
