import { checkPercent, formatPercent, type Interval } from '../../money/ratio';
import { halfUlp, toDec } from '../../money/amount';
import { add } from '../../money/decimal';
import { claims, table, totalRow } from '../lookup';
import { cellTerm, excerpt, note } from '../terms';
import { defineRule, type Finding } from '../types';
import type { BudgetDoc, Claim } from '../../recognize/model';

/** The claim stated as the whole that a share is a part of. */
const WHOLE: Record<string, string> = {
  'exp.basic': 'exp.total',
  'exp.project': 'exp.total',
  'gp.basic': 'gp.exp',
  'gp.project': 'gp.exp',
  'basic.personnel': 'basic.total',
  'basic.public': 'basic.total',
};

const PAIRS: [string, string][] = [
  ['exp.basic', 'exp.project'],
  ['gp.basic', 'gp.project'],
  ['basic.personnel', 'basic.public'],
];

function interval(c: Claim): Interval | undefined {
  if (!c.value) return undefined;
  return { value: toDec(c.value, c.unit ?? '万元', '万元'), half: halfUlp(c.value, c.unit ?? '万元', '万元') };
}

/** The whole for a share: the claim in the same paragraph, else the nearest one before it. */
function wholeFor(doc: BudgetDoc, part: Claim, key: string): Claim | undefined {
  const all = claims(doc, key);
  return all.find((w) => w.source.anchor === part.source.anchor) ?? [...all].reverse().find((w) => doc.claims.indexOf(w) < doc.claims.indexOf(part)) ?? all[0];
}

export default defineRule({
  id: 'R24',
  relation: 'R24',
  title: { zh: '说明中的占比计算正确', en: 'Percentages in the text are right' },
  problem: { zh: '说明中的占比算错了', en: 'A share in the narrative is miscalculated' },
  explain: {
    zh: '“占 52.58%”是部分除以整体再乘 100、保留两位小数的结果。基本支出和项目支出的占比、人员经费和公用经费的占比都应能由金额算出，而且两个互补的占比相加应为 100%。',
    en: 'A share is part ÷ whole × 100, rounded as printed. Shares must follow from the amounts, and complementary pairs must add to 100%.',
  },
  example: { zh: '例：基本支出 562.63 ÷ 支出合计 1070 × 100 = 52.58%；52.58% + 47.42% = 100%。', en: 'E.g. 562.63 / 1070 = 52.58%; 52.58 + 47.42 = 100.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const c of doc.claims) {
      if (!c.share) continue;
      let whole: Interval | undefined;
      let wholeLabel = '';
      if (c.key === 'projects.published' && c.count !== undefined) {
        if (!c.share) continue;
        const total = claims(doc, 'projects.count')[0];
        if (!total?.count) continue;
        whole = { value: { u: total.count, e: 0 }, half: { u: 0, e: 0 } };
        wholeLabel = `项目总数 ${total.count}`;
        const pi = { value: { u: c.count, e: 0 }, half: { u: 0, e: 0 } };
        emit(out, c, pi, whole, wholeLabel, ctx.policy === 'strict');
        continue;
      }
      const part = interval(c);
      if (!part) continue;
      const wkey = c.whole && !/^c\d+$/.test(c.whole) ? c.whole : WHOLE[c.key];
      const wholeClaim = c.whole && /^c\d+$/.test(c.whole) ? doc.claims.find((x) => x.id === c.whole) : undefined;
      if (wholeClaim?.value) {
        whole = interval(wholeClaim);
        wholeLabel = `${wholeClaim.label} ${wholeClaim.value.raw}`;
      } else if (wkey) {
        const w = wholeFor(doc, c, wkey);
        whole = w ? interval(w) : undefined;
        wholeLabel = w ? `${w.label} ${w.value?.raw}` : '';
      } else if (c.key === 'performance.amount') {
        const exp = table(doc, 'expenditure');
        const tr = exp ? totalRow(exp) : undefined;
        const t = exp && tr ? cellTerm(exp, tr, 'project.total') : undefined;
        if (t) {
          whole = { value: toDec(t.amount, t.unit, '万元'), half: halfUlp(t.amount, t.unit, '万元') };
          wholeLabel = `项目支出 ${t.amount.raw}`;
        }
      }
      if (!whole) continue;
      emit(out, c, part, whole, wholeLabel, ctx.policy === 'strict');
    }
    // Completion: 决算数 ÷ 预算数 (a zero budget makes the ratio meaningless: not checked).
    for (const c of doc.claims) {
      if (!c.completion || !c.value) continue;
      const budget = c.budget ?? doc.claims.find((x) => x.key === c.key && x.budget && x.source.anchor === c.source.anchor)?.budget;
      if (!budget || budget.units === 0) continue;
      const b: Claim = { ...c, value: budget };
      emit(out, { ...c, share: c.completion, label: `${c.label}完成预算` }, interval(c)!, interval(b)!, `预算数 ${budget.raw}`, ctx.policy === 'strict');
    }
    // A rate printed without its % sign.
    for (const c of doc.claims) {
      if (!c.missingPercent) continue;
      out.push(note('R24', 'error', `说明中的增长率“${c.missingPercent}”缺少百分号（%）：${excerpt(c.source.quote, c.missingPercent)}`, `The rate "${c.missingPercent}" is printed without its % sign`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [c.missingPercent]));
    }
    // Shares stated for every part of one whole add to 100%.
    const groups = new Map<string, Claim[]>();
    for (const c of doc.claims) if (c.share && c.whole && /^c\d+$/.test(c.whole)) groups.set(c.whole, [...(groups.get(c.whole) ?? []), c]);
    for (const [, parts] of groups) {
      if (parts.length < 2) continue;
      const d = Math.max(...parts.map((p) => p.share!.decimals));
      const sum = parts.reduce((a, p) => a + p.share!.units * 10 ** (d - p.share!.decimals), 0);
      const hundred = 100 * 10 ** d;
      if (sum === hundred) continue;
      const off = Math.abs(sum - hundred);
      const sev = off <= parts.length * 0.5 * 10 ** (d - 2) * 1 && ctx.policy !== 'strict' ? 'info' : 'error';
      out.push(note('R24', sev, `${parts.map((p) => `${p.label} ${p.share!.raw}`).join('、')} 相加为 ${formatPercent({ units: sum, decimals: d, raw: '' })}%，不等于 100%`, `The shares add to ${formatPercent({ units: sum, decimals: d, raw: '' })}%, not 100%`, parts.map((p) => ({ kind: 'claim' as const, claim: p, role: 'part' as const, label: p.label })), parts.map((p) => p.share!.raw)));
    }
    // Complementary shares add to 100%.
    for (const [a, b] of PAIRS) {
      for (const ca of claims(doc, a)) {
        const cb = claims(doc, b).find((x) => x.source.anchor === ca.source.anchor);
        if (!ca.share || !cb?.share) continue;
        const d = Math.max(ca.share.decimals, cb.share.decimals);
        const s = ca.share.units * 10 ** (d - ca.share.decimals) + cb.share.units * 10 ** (d - cb.share.decimals);
        const hundred = 100 * 10 ** d;
        if (s === hundred) continue;
        const off = Math.abs(s - hundred);
        const sev = off <= 1 && ctx.policy !== 'strict' ? 'info' : 'error';
        out.push(note('R24', sev, `${ca.label} ${ca.share.raw} 与 ${cb.label} ${cb.share.raw} 相加为 ${(s / 10 ** d).toFixed(d)}%，不等于 100%${sev === 'info' ? '（可能是分别四舍五入所致）' : ''}`, `${ca.share.raw} + ${cb.share.raw} ≠ 100%`, [{ kind: 'claim', claim: ca, role: 'printed', label: ca.label }, { kind: 'claim', claim: cb, role: 'part', label: cb.label }], [ca.share.raw, cb.share.raw]));
      }
    }
    void add;
    return out;
  },
});

function emit(out: Finding[], c: Claim, part: Interval, whole: Interval, wholeLabel: string, strict: boolean): void {
  const r = checkPercent(part, whole, c.share!, strict);
  if (r.agreement === 'exact') return;
  const sev = r.agreement === 'rounding' ? 'info' : 'error';
  const printed = formatPercent(c.share!);
  out.push(note('R24', sev,
    `说明中的比例 ${c.share!.raw}（${c.label} ${c.value?.raw ?? c.count}）：按${wholeLabel}计算应为 ${r.computed}%${sev === 'info' ? '（差额在印刷位数的舍入范围内）' : ''}`,
    `"${c.label} … ${c.share!.raw}": computed from ${wholeLabel} it is ${r.computed}%`,
    [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [c.share!.raw],
    { expected: `${r.computed}%`, printed: c.share!.raw, difference: r.computed ? fixedDiff(printed, r.computed, c.share!.decimals) : undefined }));
}

/** a − b for two fixed-point strings with `d` decimals, computed on integers. */
function fixedDiff(a: string, b: string, d: number): string {
  const toInt = (s: string) => Number(s.replace('.', ''));
  const diff = toInt(a) - toInt(b);
  return formatPercent({ units: diff, decimals: d, raw: '' });
}
