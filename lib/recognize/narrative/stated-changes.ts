import { parseAmount, parsePercent } from '../../money/amount';
import type { Claim, ChangeClaim, Paragraph } from '../model';
import { sentenceAt } from './normalize';
import { directionOf, unitOf } from './patterns';

/**
 * Any sentence of the form "LABEL A 万元，比 2025 年(预算数) B 万元增加 C 万元，增长 D%" (or without B: "比上年减少
 * C 万元，下降 D%"), whatever the label: the arithmetic it states can be checked without knowing what the
 * figure is. Claims get the key `stated.change`; the rule engine checks A − B = ±C and D = C ÷ B.
 */
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const UNIT = String.raw`亿元|万元|千元|元`;
const STATED = new RegExp(
  String.raw`(?<a>${NUM})\s*(?<ua>${UNIT})[,，]?\s*(?:(?:比|较|与)\s*(?<versus>上年度?|去年|20\d{2}\s*年度?)[^,，。；;:：\d]{0,14}?(?:(?<b>${NUM})\s*(?<ub>${UNIT}))?\s*(?:相比)?[,，]?\s*)` +
    String.raw`(?<dir>增加|减少|增长|下降|上升|降低)\s*(?<c>${NUM})\s*(?<uc>${UNIT})(?:[,，]?\s*(?<rdir>增长|下降|上升|降低|减少|增加)\s*(?<d>-?\d+(?:\.\d+)?)\s*%)?`,
  'g',
);

export function statedChanges(para: Paragraph, norm: string, nextId: () => string): Claim[] {
  const out: Claim[] = [];
  STATED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STATED.exec(norm))) {
    const g = m.groups!;
    const value = parseAmount(g.a!, { numericColumn: true });
    const amount = parseAmount(g.c!, { numericColumn: true });
    if (!value || !amount) continue;
    // The three amounts must be in one unit: a rule compares them as printed.
    if (g.ub && g.ub !== g.ua) continue;
    if (g.uc !== g.ua) continue;
    const change: ChangeClaim = { direction: directionOf(g.dir)!, amount };
    if (g.versus) change.versus = g.versus.replace(/\s+/g, '');
    if (g.d) {
      const rate = parsePercent(g.d + '%');
      if (rate) change.rate = rate;
      change.rateDirection = directionOf(g.rdir);
    }
    if (g.b) {
      const base = parseAmount(g.b, { numericColumn: true });
      if (base) change.base = base;
    }
    const { start, end } = sentenceAt(para.text, m.index, m.index + m[0].length);
    const before = para.text.slice(Math.max(start, m.index - 30), m.index);
    const label = (before.split(/[,，。；;:：]/).pop() ?? '').replace(/^[\s（(一二三四五六七八九十\d、.．)）]+/, '').trim() || '该数';
    const claim: Claim = {
      id: nextId(),
      key: 'stated.change',
      label,
      value,
      unit: unitOf(g.ua),
      change,
      source: { anchor: para.anchor, quote: para.text.slice(start, end).trim() },
    };
    if (para.page !== undefined) claim.source.page = para.page;
    if (para.section) claim.section = para.section;
    out.push(claim);
  }
  return out;
}
