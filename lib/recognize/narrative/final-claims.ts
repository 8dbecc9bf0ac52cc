import { functionClassByName } from '../../codes/functional';
import { parseAmount, parsePercent, type Amount } from '../../money/amount';
import type { ChangeClaim, Claim, Paragraph } from '../model';
import { incomeRowKey } from '../ledger';
import { sentenceAt } from './normalize';
import { DIR, FLAT, N, PCT, RATE_DIR, S, U, YEAR, directionOf, unitOf } from './patterns';

/**
 * Sentences of the 决算情况说明 (final-accounts narrative): totals with their change, items with 占 %,
 * 年初预算 against 决算 with 完成 % and 大于/小于/持平, the 三公 section, procurement, vehicles, 绩效 grades.
 */
interface FinalCtx {
  para: Paragraph;
  text: string;
  norm: string;
  out: Claim[];
  nextId: () => string;
}

const cache = new Map<string, RegExp>();
function rx(source: string, flags = ''): RegExp {
  const k = flags + source;
  let r = cache.get(k);
  if (!r) cache.set(k, (r = new RegExp(source, flags)));
  if (flags.includes('g')) r.lastIndex = 0;
  return r;
}

const amt = (s?: string): Amount | undefined => (s ? parseAmount(s, { numericColumn: true }) ?? undefined : undefined);
const pct = (s?: string) => (s ? parsePercent(s + '%') ?? undefined : undefined);

function add(ctx: FinalCtx, key: string, label: string, at: number, end: number, fields: Partial<Claim>): Claim {
  const { start, end: e } = sentenceAt(ctx.text, at, end);
  const c: Claim = { id: ctx.nextId(), key, label, ...fields, source: { anchor: ctx.para.anchor, quote: ctx.text.slice(start, e).trim() } };
  if (ctx.para.page !== undefined) c.source.page = ctx.para.page;
  if (ctx.para.section) c.section = ctx.para.section;
  ctx.out.push(c);
  return c;
}

const CHANGE = `(?:${DIR}${S}${N}${S}${U}(?:[,，]?${S}${RATE_DIR}(?:[(（][^)）]{0,6}[)）])?${S}(?:${PCT}|(\\d+(?:\\.\\d+)?)(?=[。;；,，]|$)))?|${FLAT})`;

/** A change phrase (groups from g: DIR, N, U, RATE_DIR, PCT, bare number, FLAT). */
function changeAt(m: RegExpExecArray, g: number): ChangeClaim | undefined {
  if (m[g + 6]) return { direction: 'flat' };
  if (!m[g]) return undefined;
  const c: ChangeClaim = { direction: directionOf(m[g])! };
  const a = amt(m[g + 1]);
  if (a) c.amount = a;
  if (m[g + 3]) c.rateDirection = directionOf(m[g + 3]);
  const r = pct(m[g + 4]) ?? pct(m[g + 5]);
  if (r) c.rate = r;
  return c;
}

function findChange(ctx: FinalCtx, subject: string, from: number, span = 240): { change: ChangeClaim; bare?: string } | undefined {
  const re = rx(`${subject}${S}(?:支出)?(?:决算)?(?:数)?${S}(?:(?:比|与|较|同)${S}(?:上年度?|上一年度|${YEAR})${S}(?:相比)?[,，]?${S})?(?:支出|决算)?${S}${CHANGE}`);
  const m = re.exec(ctx.norm.slice(from, from + span));
  if (!m) return undefined;
  // group indexes: 1 = year digits, then CHANGE from 2
  const change = changeAt(m, 2);
  if (!change) return undefined;
  return { change, ...(m[7] ? { bare: m[7] } : {}) };
}

/** Items after 其中: "X N 万元，占 P%；Y N 万元，占 P%". */
function items(ctx: FinalCtx, from: number, to: number, whole: Claim | undefined, keyOf: (label: string) => string | undefined): void {
  const re = rx(`([^,，;；:：、。\\d]{2,30}?)${S}(?:支出)?(?:决算)?(?:为)?${S}${N}${S}${U}(?:[,，]?${S}占[^\\d%;；。]{0,12}?${S}${PCT})?`, 'g');
  const slice = ctx.norm.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const label = m[1]!.replace(/^(?:其中|以及|和|及|主要用于以下方面)[:：]?/, '').trim();
    const key = keyOf(label);
    if (!key) continue;
    const value = amt(m[2]);
    if (!value) continue;
    const at = from + m.index;
    const c = add(ctx, key, label, at, at + m[0].length, { value, unit: unitOf(m[3]) });
    const share = pct(m[4]);
    if (share) c.share = share;
    if (whole && share) c.whole = whole.id;
  }
}

function money(ctx: FinalCtx, key: string, label: string, m: RegExpExecArray, g: number, offset = 0): Claim | undefined {
  const value = amt(m[g]);
  if (!value) return undefined;
  return add(ctx, key, label, offset + m.index, offset + m.index + m[0].length, { value, unit: unitOf(m[g + 1]) });
}

type Spec = (ctx: FinalCtx) => void;

const SPECS: [RegExp, Spec][] = [
  // 收入支出总计 and its change (not the 财政拨款 one).
  [/收入支出总计/, (ctx) => {
    const re = rx(`(?<!财政拨款)收入支出总计${S}(?:为)?${S}${N}${S}${U}`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm))) {
      const c = money(ctx, 'income.grand', '收入支出总计', m, 1);
      const ch = c && findChange(ctx, '(?<!财政拨款)收入支出总计', m.index + m[0].length);
      if (c && ch) c.change = ch.change;
    }
  }],
  [/财政拨款收入支出总计/, (ctx) => {
    const re = rx(`财政拨款收入支出总计${S}(?:为)?${S}${N}${S}${U}`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm))) {
      const c = money(ctx, 'fiscal.grand', '财政拨款收入支出总计', m, 1);
      const ch = c && findChange(ctx, '财政拨款收入支出总计', m.index + m[0].length);
      if (c && ch) c.change = ch.change;
    }
  }],
  // 本年收入合计 / 本年支出合计 with their parts and shares.
  [/本年(收入|支出)合计/, (ctx) => {
    const re = rx(`本年(收入|支出)合计${S}(?:为)?${S}${N}${S}${U}[,，]?${S}其中[:：]?`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm))) {
      const income = m[1] === '收入';
      const head = add(ctx, income ? 'income.total' : 'exp.total', `本年${m[1]}合计`, m.index, m.index + m[0].length, { value: amt(m[2])!, unit: unitOf(m[3]) });
      const end = ctx.norm.indexOf('。', m.index);
      items(ctx, m.index + m[0].length, end < 0 ? ctx.norm.length : end, head, (label) => {
        if (income) return incomeRowKey(label.replace(/^(?:其中)/, ''), 'year').key;
        if (/^基本支出/.test(label)) return 'exp.basic';
        if (/^项目支出/.test(label)) return 'exp.project';
        if (/经营支出/.test(label)) return 'exp.operating';
        if (/上缴上级/.test(label)) return 'exp.remitUpper';
        if (/对附属单位补助/.test(label)) return 'exp.affiliateSubsidy';
        return undefined;
      });
    }
  }],
  // 一般公共预算财政拨款支出 N，占本年支出合计的 P%；its change; and its split by function class.
  [/一般公共预算财政拨款支出/, (ctx) => {
    const re = rx(`(?<!年初预算为[\\d.,\\s]{0,20})一般公共预算财政拨款支出${S}(?:决算)?(?:为)?${S}${N}${S}${U}`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm))) {
      const c = money(ctx, 'gp.exp', '一般公共预算财政拨款支出', m, 1);
      if (!c) continue;
      const after = m.index + m[0].length;
      const share = rx(`^[,，]?${S}占本年支出合计的?${S}${PCT}`).exec(ctx.norm.slice(after, after + 40));
      if (share) {
        c.share = pct(share[1]);
        c.whole = 'exp.total';
      }
      const ch = findChange(ctx, '一般公共预算财政拨款支出', after);
      if (ch) {
        c.change = ch.change;
        if (ch.bare) c.missingPercent = ch.bare;
      }
      if (/^[,，]?\s*主要用于以下方面/.test(ctx.norm.slice(after, after + 12))) {
        const end = ctx.norm.indexOf('。', after);
        items(ctx, after, end < 0 ? ctx.norm.length : end, c, (label) => {
          const cls = /^(.+?)[(（]类[)）]$/.exec(label)?.[1] ?? label;
          const fn = functionClassByName(cls);
          return fn ? `gp.fn:${fn.code}` : undefined;
        });
      }
    }
  }],
  // 年初预算为 B，支出决算为 A，完成年初预算的 P%；决算数 大于/小于/等于/持平 预算数.
  [/年初预算为/, (ctx) => {
    const re = rx(`年初预算为${S}${N}${S}${U}[,，。]?${S}(?:支出)?决算(?:数)?为${S}${N}${S}${U}(?:[,，。]?${S}完成(?:年初)?预算的${S}${PCT})?`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm))) {
      const before = ctx.norm.slice(0, m.index);
      const head = /(?:^|\s)\d+[、.．]\s*(.+?)[(（]类[)）](.+?)[(（]款[)）](.+?)[(（]项[)）]/.exec(before);
      const three = /三公/.test(before.slice(-40));
      const key = three ? 'threePublic.total' : head ? 'gp.item' : 'gp.exec';
      const label = head ? `${head[3]}（项）` : three ? '“三公”经费' : '一般公共预算财政拨款支出';
      const c = add(ctx, key, label, m.index, m.index + m[0].length, { value: amt(m[3])!, budget: amt(m[1])!, unit: unitOf(m[4]) });
      const completion = pct(m[5]);
      if (completion) c.completion = completion;
      if (head) c.names = [head[1]!.trim(), head[2]!.trim(), head[3]!.trim()];
      const cmp = /决算数?(?:支出)?(?:与|同)?\s*预算数?(?:基本)?(?:持平|相等|一致)|决算数(大于|小于|等于|超过|低于)预算数/.exec(ctx.norm.slice(m.index + m[0].length, m.index + m[0].length + 40));
      if (cmp) c.comparison = cmp[1] ? (/大于|超过/.test(cmp[1]) ? 'greater' : /小于|低于/.test(cmp[1]) ? 'less' : 'equal') : 'equal';
    }
  }],
  // 基本支出 N。其中：人员经费 N …；公用经费 N.
  [/人员经费/, (ctx) => {
    const re = rx(`基本支出${S}(?:决算)?(?:为)?${S}${N}${S}${U}[。.,，]?${S}其中[:：]?${S}人员经费${S}(?:支出)?${S}${N}${S}${U}`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm))) {
      if (/年初/.test(ctx.norm.slice(Math.max(0, m.index - 6), m.index + 8))) continue;
      money(ctx, 'basic.total', '基本支出', m, 1);
      const p = rx(`人员经费${S}(?:支出)?${S}${N}${S}${U}`).exec(ctx.norm.slice(m.index));
      if (p) money(ctx, 'basic.personnel', '人员经费', p, 1, m.index);
      const q = rx(`公用经费${S}(?:支出)?${S}${N}${S}${U}`).exec(ctx.norm.slice(m.index));
      if (q) money(ctx, 'basic.public', '公用经费', q, 1, m.index);
    }
  }],
  // 三公 items: 决算为 N，完成预算的 P%; 支出决算 N，占 P%; and the changes.
  [/三公|因公出国|公务接待|公务用车/, (ctx) => {
    const ITEMS: [string, string, string][] = [
      ['threePublic.abroad', '因公出国（境）费', '因公出国[(（]境[)）]费(?:用)?'],
      ['threePublic.vehicle', '公务用车购置及运行维护费', '公务用车购置及运行(?:维护)?费'],
      ['threePublic.reception', '公务接待费', '公务接待费'],
    ];
    const total = ctx.out.find((c) => c.key === 'threePublic.total' && c.source.anchor === ctx.para.anchor);
    for (const [key, label, word] of ITEMS) {
      const re = rx(`${word}(?:支出)?决算(?:为)?${S}${N}${S}${U}(?:[,，]?${S}(?:完成(?:年初)?预算的${S}${PCT}|占${S}${PCT}))?`, 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(ctx.norm))) {
        const c = add(ctx, key, label, m.index, m.index + m[0].length, { value: amt(m[1])!, unit: unitOf(m[2]) });
        if (m[3]) c.completion = pct(m[3]);
        if (m[4]) {
          c.share = pct(m[4]);
          if (total) c.whole = total.id;
        }
      }
    }
    // The total's change, then each item's ("…支出与上一年度持平", "…减少 0.15 万元，下降 27.78%").
    const tm = rx(`三公"?经费(?:财政拨款)?支出决算数?${S}(?:比|与|较)${S}(?:上年度?|上一年度|${YEAR})${S}(?:相比)?[,，]?${S}${CHANGE}`).exec(ctx.norm);
    if (tm) {
      const change = changeAt(tm, 2);
      if (change) add(ctx, 'threePublic.change', '“三公”经费', tm.index, tm.index + tm[0].length, { change });
      const tail = ctx.norm.slice(tm.index + tm[0].length);
      for (const [key, label, word] of ITEMS) {
        const im = rx(`${word}(?:支出)?(?:决算)?${S}(?:(?:与|比|较)${S}(?:上年度?|上一年度|${YEAR})${S})?${CHANGE}`).exec(tail);
        if (!im) continue;
        const change = changeAt(im, 2);
        if (change) add(ctx, `${key}.change`, label, tm.index + tm[0].length + im.index, tm.index + tm[0].length + im.index + im[0].length, { change });
      }
    }
  }],
  // 政府采购金额（…）为 N 万元，其中：货物采购金额 N、工程采购金额 N、服务采购金额 N.
  [/采购/, (ctx) => {
    const re = rx(`政府采购(?:支出)?(?:金额|预算|总额)?(?:[(（][^)）]{0,12}[)）])?(?:安排)?(?:总额)?为?${S}${N}${S}${U}[,，]${S}其中[:：]?${S}(?:政府采购)?货物(?:采购)?(?:金额|预算)?${S}${N}${S}${U}[、,，;；]${S}(?:政府采购)?工程(?:采购)?(?:金额|预算)?${S}${N}${S}${U}[、,，;；]${S}(?:政府采购)?服务(?:采购)?(?:金额|预算)?${S}${N}${S}${U}`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm))) {
      if (/政府采购预算安排/.test(m[0])) continue; // the budget wording is read by the budget pattern
      money(ctx, 'procurement.total', '政府采购金额', m, 1);
      money(ctx, 'procurement.goods', '货物采购金额', m, 3);
      money(ctx, 'procurement.works', '工程采购金额', m, 5);
      money(ctx, 'procurement.services', '服务采购金额', m, 7);
    }
  }],
  // 绩效: 项目 N 个 … “优” a 个、“良” b 个、“合格” c 个、“不合格” d 个; 发现问题 N 个，已整改 a，正在整改 b.
  [/绩效评级|发现问题/, (ctx) => {
    const grades = [...ctx.norm.matchAll(/绩效评级为"?(优|良|合格|不合格)"?的项目\s*(\d+)\s*个/g)];
    const total = /绩效自评的\s*20\d{2}\s*年度项目\s*(\d+)\s*个/.exec(ctx.norm);
    if (grades.length >= 2 && total) add(ctx, 'performance.graded', '绩效自评项目', total.index, total.index + total[0].length, { count: Number(total[1]), partsSum: grades.reduce((a, g) => a + Number(g[2]), 0), enumerated: grades.length });
    const prob = /发现问题\s*(\d+)\s*个[,，]\s*已经?完成整改的?\s*(\d+)\s*个[,，]\s*正在整改的?\s*(\d+)\s*个/.exec(ctx.norm);
    if (prob) add(ctx, 'performance.problems', '发现问题', prob.index, prob.index + prob[0].length, { count: Number(prob[1]), partsSum: Number(prob[2]) + Number(prob[3]), enumerated: 2 });
  }],
];

export function finalClaims(ctx: FinalCtx): void {
  for (const [gate, spec] of SPECS) if (gate.test(ctx.norm)) spec(ctx);
}
