import { parseAmount, parsePercent, type Amount, type Percent } from '../../money/amount';
import type { MoneyUnit } from '../../money/units';
import type { ChangeClaim, Claim, Paragraph } from '../model';
import { normalizeSameLength, sentenceAt } from './normalize';
import { CHANGE_RE, DIR, FLAT, N, PCT, RATE_DIR, S, U, YEAR, directionOf, unitOf } from './patterns';
import { finalClaims } from './final-claims';
import { statedChanges } from './stated-changes';

interface Ctx {
  para: Paragraph;
  text: string; // printed
  norm: string; // same-length normalised
  out: Claim[];
  nextId: () => string;
}

function amount(s: string | undefined): Amount | undefined {
  if (!s) return undefined;
  return parseAmount(s, { numericColumn: true }) ?? undefined;
}

function pct(s: string | undefined): Percent | undefined {
  if (!s) return undefined;
  return parsePercent(s + '%') ?? undefined;
}

function add(ctx: Ctx, key: string, label: string, at: number, endAt: number, fields: Partial<Claim>): Claim {
  const { start, end } = sentenceAt(ctx.text, at, endAt);
  const claim: Claim = {
    id: ctx.nextId(),
    key,
    label,
    ...fields,
    source: { anchor: ctx.para.anchor, quote: ctx.text.slice(start, end).trim() },
  };
  if (ctx.para.page !== undefined) claim.source.page = ctx.para.page;
  if (ctx.para.section) claim.section = ctx.para.section;
  ctx.out.push(claim);
  return claim;
}

function money(ctx: Ctx, key: string, label: string, m: RegExpExecArray, numGroup: number, unitGroup: number, extra: Partial<Claim> = {}): Claim | undefined {
  const value = amount(m[numGroup]);
  if (!value) return undefined;
  const unit: MoneyUnit = unitOf(m[unitGroup]);
  const at = m.index + m[0].indexOf(m[numGroup]!);
  return add(ctx, key, label, m.index, at + m[numGroup]!.length, { value, unit, ...extra });
}

/** A YoY change phrase starting within `window` of `from` (same paragraph). */
function changeAfter(ctx: Ctx, from: number, limit: number): ChangeClaim | undefined {
  const slice = ctx.norm.slice(from, Math.min(limit, ctx.norm.length));
  const m = CHANGE_RE.exec(slice);
  if (!m) return undefined;
  return changeFrom(m, 3);
}

/** Build a change from a CHANGE_RE-shaped group sequence starting at group `g` (DIR, N, U, RATE, PCT, FLAT). */
function changeFrom(m: RegExpExecArray, g: number): ChangeClaim | undefined {
  const dirWord = m[g];
  const flat = m[g + 5];
  if (flat) return { direction: 'flat', versus: m[1] ?? undefined };
  if (!dirWord) return undefined;
  const change: ChangeClaim = { direction: directionOf(dirWord)! };
  const a = amount(m[g + 1]);
  if (a) change.amount = a;
  const rateDir = m[g + 3];
  const rate = pct(m[g + 4]);
  if (rate) change.rate = rate;
  if (rateDir) change.rateDirection = directionOf(rateDir);
  if (m[1]) change.versus = m[1];
  return change;
}

type Spec = (ctx: Ctx) => void;

/** Between a 三公 item's name and its amount: 用, a full stop, the year, 预算数. */
const ITEM_LEAD = `(?:用)?(?:[。.,，:：]${S})?(?:20\\d{2}${S}年度?)?${S}(?:预算数?|预算安排)?(?:为)?`;

// Patterns are built from template strings; compile each source once.
function rx(source: string): RegExp {
  let r = PLAIN.get(source);
  if (!r) PLAIN.set(source, (r = new RegExp(source)));
  return r;
}
const GLOBAL = new Map<string, RegExp>();
const PLAIN = new Map<string, RegExp>();

const each = (re: RegExp, ctx: Ctx, fn: (m: RegExpExecArray) => void) => {
  let g = GLOBAL.get(re.source);
  if (!g) GLOBAL.set(re.source, (g = new RegExp(re.source, 'g')));
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(ctx.norm))) {
    fn(m);
    if (m[0].length === 0) g.lastIndex++;
  }
};

const TOTALS_CHANGE = new RegExp(
  `(收[、,]?支总计各|收入总计|收入|支出总计|支出|收支总计)${S}(?:均|各)?${S}(?:${DIR}${S}${N}${S}${U}(?:[,，]${S}${RATE_DIR}${S}${PCT})?|${FLAT})`,
);

const GATES: RegExp[] = [/收入总计/, /收入合计/, /支出合计/, /一般公共预算收支/, /一般公共预算支出/, /基本支出/, /三公/, /因公出国|公务接待|公务用车/, /基金|国有资本/, /运[转行]经费/, /采购/, /项目/, /车辆/, /个/];

const TOTALS_CHANGE_G = new RegExp(TOTALS_CHANGE.source, 'g');

const specs: Spec[] = [
  // P1 收入总计 / 支出总计 with their YoY change.
  (ctx) => {
    each(rx(`收入总计${S}(?:为)?${S}${N}${S}${U}`), ctx, (m) => {
      const inc = money(ctx, 'income.grand', '收入总计', m, 1, 2);
      if (!inc) return;
      const after = m.index + m[0].length;
      const exp = rx(`^[,，;；]?${S}支出总计${S}(?:为)?${S}${N}${S}${U}`).exec(ctx.norm.slice(after));
      let expClaim: Claim | undefined;
      let cursor = after;
      if (exp) {
        const fake = Object.assign([...exp], { index: after + exp.index, input: ctx.norm }) as unknown as RegExpExecArray;
        expClaim = money(ctx, 'exp.grand', '支出总计', fake, 1, 2);
        cursor = after + exp[0].length;
      }
      // Changes in the rest of the paragraph: "收支总计各增加…", or "收入增加…；支出增加…".
      const rest = ctx.norm.slice(cursor, cursor + 400);
      const g = TOTALS_CHANGE_G;
      g.lastIndex = 0;
      let c: RegExpExecArray | null;
      let found = 0;
      while ((c = g.exec(rest)) && found < 2) {
        const who = c[1]!;
        const change = changeFromTotals(c);
        if (!change) continue;
        if (/收.?支/.test(who)) {
          inc.change = change;
          if (expClaim) expClaim.change = { ...change };
          found = 2;
        } else if (/收入/.test(who) && !inc.change) {
          inc.change = change;
          found++;
        } else if (/支出/.test(who) && expClaim && !expClaim.change) {
          expClaim.change = change;
          found++;
        }
      }
    });
  },
  // P2 收入合计 … 其中：一般公共预算(拨款)收入
  (ctx) => {
    each(rx(`收入合计${S}(?:为)?${S}${N}${S}${U}`), ctx, (m) => {
      money(ctx, 'income.total', '收入合计', m, 1, 2);
      const rest = ctx.norm.slice(m.index + m[0].length, m.index + m[0].length + 200);
      const item = rx(`^[,，]?${S}其中[:：]?${S}一般公共预算(?:拨款|财政拨款)?收入${S}${N}${S}${U}`).exec(rest);
      if (item) {
        const fake = Object.assign([...item], { index: m.index + m[0].length + item.index, input: ctx.norm }) as unknown as RegExpExecArray;
        money(ctx, 'income.gp', '一般公共预算收入', fake, 1, 2);
      }
    });
  },
  // P3 支出合计 … 基本支出 … 占 … 项目支出 … 占
  (ctx) => {
    each(rx(`支出合计${S}(?:为)?${S}${N}${S}${U}[,，]${S}其中[:：]?${S}基本支出${S}${N}${S}${U}[,，]?${S}占${S}${PCT}[;；,，]${S}项目支出${S}${N}${S}${U}[,，]?${S}占${S}${PCT}`), ctx, (m) => {
      money(ctx, 'exp.total', '支出合计', m, 1, 2);
      money(ctx, 'exp.basic', '基本支出', m, 3, 4, { share: pct(m[5]) });
      money(ctx, 'exp.project', '项目支出', m, 6, 7, { share: pct(m[8]) });
    });
  },
  // P4 一般公共预算收支预算 (and 政府性基金收支预算), with YoY.
  (ctx) => {
    each(rx(`一般公共预算收支预算${S}(?:为)?${S}${N}${S}${U}`), ctx, (m) => {
      const c = money(ctx, 'fiscal.gp', '一般公共预算收支预算', m, 1, 2);
      if (!c) return;
      const after = m.index + m[0].length;
      const fund = rx(`^[,，]?${S}政府性基金(?:预算)?收支预算${S}${N}${S}${U}`).exec(ctx.norm.slice(after));
      if (fund) {
        const fake = Object.assign([...fund], { index: after + fund.index, input: ctx.norm }) as unknown as RegExpExecArray;
        money(ctx, 'fiscal.fund', '政府性基金收支预算', fake, 1, 2);
      }
      const ch = rx(`一般公共预算收支预算${S}(?:${DIR}${S}${N}${S}${U}(?:[,，]${S}${RATE_DIR}${S}${PCT})?|${FLAT})`).exec(ctx.norm.slice(after, after + 300));
      if (ch) c.change = changeFromGroups(ch, 1);
    });
  },
  // P5 一般公共预算支出年初预算 … 基本 … 项目
  (ctx) => {
    each(rx(`一般公共预算支出(?:年初)?预算(?:数)?为${S}${N}${S}${U}[。.,，]?${S}(?:其中[:：]?${S})?基本支出${S}${N}${S}${U}[,，]?${S}占${S}${PCT}[;；,，]${S}项目支出${S}${N}${S}${U}[,，]?${S}占${S}${PCT}`), ctx, (m) => {
      money(ctx, 'gp.exp', '一般公共预算支出', m, 1, 2);
      money(ctx, 'gp.basic', '一般公共预算基本支出', m, 3, 4, { share: pct(m[5]) });
      money(ctx, 'gp.project', '一般公共预算项目支出', m, 6, 7, { share: pct(m[8]) });
    });
  },
  // P6 基本支出 … 人员经费 … 公用经费
  (ctx) => {
    each(rx(`基本支出(?:年初)?预算(?:数)?为${S}${N}${S}${U}[。.,，]?${S}(?:其中[:：]?${S})?人员经费(?:支出)?${S}${N}${S}${U}[,，]?${S}占${S}${PCT}[;；,，]${S}(?:日常)?公用经费(?:支出)?${S}${N}${S}${U}[,，]?${S}占${S}${PCT}`), ctx, (m) => {
      money(ctx, 'basic.total', '基本支出', m, 1, 2);
      money(ctx, 'basic.personnel', '人员经费', m, 3, 4, { share: pct(m[5]) });
      money(ctx, 'basic.public', '公用经费', m, 6, 7, { share: pct(m[8]) });
    });
  },
  // P7 "三公"经费 total and its change.
  (ctx) => {
    each(rx(`"?三公"?经费(?:支出)?(?:预算)?(?:数)?(?:为|共计|合计)?${S}${N}${S}${U}`), ctx, (m) => {
      const c = money(ctx, 'threePublic.total', '“三公”经费', m, 1, 2);
      if (!c) return;
      const after = m.index + m[0].length;
      const ch = rx(`"?三公"?经费(?:支出)?(?:预算)?数?${S}(?:比|较|与|同)${S}(?:上年|${YEAR})${S}(?:相比)?[,，]?${S}(?:${DIR}${S}${N}${S}${U}(?:[,，]${S}${RATE_DIR}${S}${PCT})?|${FLAT})`).exec(ctx.norm.slice(after, after + 200));
      if (ch) c.change = changeFromGroups(ch, 2);
    });
  },
  // P8 三公 items, each with the change stated after it.
  (ctx) => {
    const items: [string, string, RegExp][] = [
      // "因公出国（境）费用。2026 年预算数 127.74 万元" as well as "因公出国（境）费 12.00 万元".
      ['threePublic.abroad', '因公出国（境）费', rx(`因公出国[(（]境[)）]费${ITEM_LEAD}${S}${N}${S}${U}`)],
      ['threePublic.reception', '公务接待费', rx(`公务接待费${ITEM_LEAD}${S}${N}${S}${U}`)],
      ['threePublic.vehicle', '公务用车购置及运行费', rx(`公务用车购置[及和]运行(?:维护)?费${ITEM_LEAD}${S}${N}${S}${U}`)],
      ['threePublic.vehicle.purchase', '公务用车购置费', rx(`公务用车购置费${ITEM_LEAD}${S}${N}${S}${U}`)],
      ['threePublic.vehicle.run', '公务用车运行维护费', rx(`公务用车运行(?:维护)?费${ITEM_LEAD}${S}${N}${S}${U}`)],
    ];
    const found: { claim: Claim; end: number; start: number }[] = [];
    for (const [key, label, re] of items) {
      each(re, ctx, (m) => {
        const c = money(ctx, key, label, m, 1, 2);
        if (c) found.push({ claim: c, start: m.index, end: m.index + m[0].length });
      });
    }
    found.sort((a, b) => a.start - b.start);
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      const limit = found[i + 1]?.start ?? ctx.norm.length;
      const change = changeAfter(ctx, f.end, limit);
      if (change) f.claim.change = change;
    }
  },
  // P9 政府性基金 / 国有资本经营预算 spending, or the statement that there is none.
  (ctx) => {
    const kinds: [string, string, string][] = [
      ['fund.exp', '政府性基金预算支出', '政府性?基金'],
      ['capital.exp', '国有资本经营预算支出', '国有资本经营'],
    ];
    for (const [key, label, word] of kinds) {
      each(rx(`${word}(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?支出(?:预算)?(?:为)?${S}${N}${S}${U}`), ctx, (m) => {
        money(ctx, key, label, m, 1, 2);
      });
      each(rx(`无${word}(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?(?:支出|收入|预算)`), ctx, (m) => {
        add(ctx, key, label, m.index, m.index + m[0].length, { none: true, unit: '万元' });
      });
    }
  },
  // P10 机构运转经费 / 机关运行经费 with change.
  (ctx) => {
    each(rx(`(机构运转经费|机构运行经费|机关运行经费)(?:支出)?(?:预算)?(?:数)?(?:为)?${S}${N}${S}${U}`), ctx, (m) => {
      const c = money(ctx, 'operatingCost', m[1]!, m, 2, 3);
      if (!c) return;
      const after = m.index + m[0].length;
      const ch = rx(`(?:比|较|与)${S}(?:上年|${YEAR})${S}(?:相比)?[,，]?${S}(?:${DIR}${S}${N}${S}${U}(?:[,，]${S}${RATE_DIR}${S}${PCT})?|${FLAT})`).exec(ctx.norm.slice(after, after + 260));
      if (ch) c.change = changeFromGroups(ch, 2);
    });
  },
  // P11 政府采购
  (ctx) => {
    each(rx(`政府采购(?:预算)?(?:安排)?(?:总额)?(?:为)?${S}${N}${S}${U}[,，]${S}其中[:：]?${S}(?:政府采购)?货物(?:预算)?${S}${N}${S}${U}[、,，;；]${S}(?:政府采购)?工程(?:预算)?${S}${N}${S}${U}[、,，;；]${S}(?:政府采购)?服务(?:预算)?${S}${N}${S}${U}`), ctx, (m) => {
      money(ctx, 'procurement.total', '政府采购预算', m, 1, 2);
      money(ctx, 'procurement.goods', '政府采购货物预算', m, 3, 4);
      money(ctx, 'procurement.works', '政府采购工程预算', m, 5, 6);
      money(ctx, 'procurement.services', '政府采购服务预算', m, 7, 8);
    });
    each(/无政府采购(?:预算)?(?:安排)?/, ctx, (m) => {
      add(ctx, 'procurement.total', '政府采购预算', m.index, m.index + m[0].length, { none: true, unit: '万元' });
    });
  },
  // P12 performance: amount and project counts.
  (ctx) => {
    each(rx(`涉及(?:预算)?(?:拨款|资金|金额)${S}${N}${S}${U}[,，]?${S}共${S}(\\d+)${S}个项目`), ctx, (m) => {
      money(ctx, 'performance.amount', '实施绩效目标管理的项目金额', m, 1, 2);
      add(ctx, 'projects.count', '项目个数', m.index, m.index + m[0].length, { count: Number(m[3]) });
    });
    each(rx(`填报绩效目标的(?:预算)?项目${S}(\\d+)${S}个`), ctx, (m) => {
      add(ctx, 'projects.count', '项目个数', m.index, m.index + m[0].length, { count: Number(m[1]) });
    });
    each(rx(`公开绩效目标${S}(\\d+)${S}个[,，]?${S}(?:公开项目)?占全部(?:预算)?项目的?${S}${PCT}`), ctx, (m) => {
      add(ctx, 'projects.published', '公开绩效目标的项目个数', m.index, m.index + m[0].length, { count: Number(m[1]), share: pct(m[2]) });
    });
    each(rx(`公开(?:填报)?绩效目标的项目(?:预算|金额|资金)${S}${N}${S}${U}[,，]?${S}占全部项目(?:预算|支出)?的?${S}${PCT}`), ctx, (m) => {
      money(ctx, 'performance.amount', '公开绩效目标的项目预算', m, 1, 2, { share: pct(m[3]) });
    });
  },
  // P13 vehicles: the total and whatever categories are listed ("一般公务用车 26 辆、其他用车 1 辆"; 决算 lists eight).
  (ctx) => {
    each(new RegExp(`共有车辆${S}(\\d+)${S}辆`), ctx, (m) => {
      const end = ctx.norm.indexOf('。', m.index);
      const rest = ctx.norm.slice(m.index + m[0].length, end < 0 ? undefined : end);
      const seen = new Set<string>();
      let sum = 0;
      for (const p of rest.matchAll(/([^、,，;；:：。\d]{2,12}用车)\s*(\d+)\s*辆/g)) {
        const label = p[1]!.replace(/^[，,\s]*(?:其中[:：]?)?/, '');
        // "其他用车主要是机要通信用车 1 辆" restates a category, it does not add one.
        if (/主要是|包括/.test(label) || seen.has(label)) continue;
        seen.add(label);
        sum += Number(p[2]);
      }
      const fields: Partial<Claim> = { count: Number(m[1]) };
      if (seen.size) Object.assign(fields, { partsSum: sum, enumerated: seen.size });
      add(ctx, 'vehicles.total', '车辆总数', m.index, m.index + m[0].length, fields);
    });
  },
  // P15 structure: "6个职能股室：A、B、…" and "内设机构 6 个，包括 A、B…".
  (ctx) => {
    each(/(\d+)\s*个\s*(职能股室|非独立预算单位|内设机构|内设科室|科室|所属单位|二级单位|下属单位|职能科室|股室)\s*[:：]\s*([^;；。]+)/, ctx, (m) => {
      const names = m[3]!.replace(/的预算$/, '').split(/[、,，]/).filter((s) => s.trim().length >= 2);
      add(ctx, `structure.${m[2]}`, m[2]!, m.index, m.index + m[0].length, { count: Number(m[1]), enumerated: names.length });
    });
    // "A、B、C等 5个项目": the names listed before a count.
    each(/((?:[^、。；;:：,，]{2,40}、){1,40}[^、。；;:：,，]{2,40})\s*等\s*(\d+)\s*个(项目|部门|单位)/, ctx, (m) => {
      const names = m[1]!.split('、').filter((s) => s.trim().length >= 2);
      // 等 leaves the list open: fewer names than the count is "and others", not a miscount.
      add(ctx, `structure.${m[3]}`, `列举的${m[3]}`, m.index, m.index + m[0].length, { count: Number(m[2]), enumerated: names.length, openList: true });
    });
    each(/内设机构?\s*(\d+)\s*个\s*[,，]?\s*(?:包括|分别是|分别为|为)\s*[:：]?\s*([^;；。]+)/, ctx, (m) => {
      const names = m[2]!.split(/[、,，]/).filter((s) => s.trim().length >= 2);
      add(ctx, 'structure.内设机构', '内设机构', m.index, m.index + m[0].length, { count: Number(m[1]), enumerated: names.length });
    });
  },
];

function changeFromGroups(m: RegExpExecArray, g: number): ChangeClaim | undefined {
  // Groups from g: DIR, N, U, RATE_DIR, PCT, FLAT
  return changeFrom(Object.assign([...m], { index: m.index, input: m.input }) as unknown as RegExpExecArray, g);
}

function changeFromTotals(m: RegExpExecArray): ChangeClaim | undefined {
  return changeFrom(m, 2);
}

/** Every checkable figure the narrative states, each with its sentence as anchor. */
export function extractClaims(paragraphs: readonly Paragraph[], startId = 0, final = false): Claim[] {
  const out: Claim[] = [];
  let n = startId;
  const nextId = () => `c${++n}`;
  for (const para of paragraphs) {
    if (para.text.length < 6 || !/\d/.test(para.text)) {
      if (!/无/.test(para.text)) continue;
    }
    const ctx: Ctx = { para, text: para.text, norm: normalizeSameLength(para.text), out, nextId };
    for (let i = 0; i < specs.length; i++) if (GATES[i]!.test(ctx.norm)) specs[i]!(ctx);
    if (final) finalClaims(ctx);
    out.push(...statedChanges(para, ctx.norm, nextId));
  }
  return dedupe(out);
}

export { YEAR };

/** The same figure read by two patterns from one sentence counts once. */
function dedupe(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const k = `${c.key}|${c.value?.raw ?? c.count ?? ''}|${c.source.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
