/**
 * Is this page a budget disclosure? Runs on every page the user opens, so it reads only what is cheap:
 * the title, the first headings, and the first rows of the first tables (never the whole body text,
 * never every link).
 */
export interface Detection {
  isBudget: boolean;
  score: number;
  reasons: string[];
  /** The title or a heading names a budget document (a page that may link to budget PDFs). */
  titleHit: boolean;
}

const TITLE_RE = /(预算|决算)(公开|说明|情况|表|信息)|部门(单位)?(整体)?绩效目标|项目绩效目标|部门预算|部门决算/;
const HEADER_RE = /科目编码|功能分类|经济分类|基本支出|项目支出|三公|收入总计|支出总计|本年收入|本年支出|决算数|预算数|财政拨款|一般公共预算|人员经费|公用经费|绩效目标|资金总额/;
const UNIT_RE = /单\s*位\s*[:：]\s*(万元|元|亿元)/;
const MAX_TABLES = 30;

function head(el: Element | null | undefined, max: number): string {
  const t = el?.textContent ?? '';
  return t.length > max ? t.slice(0, max) : t;
}

export function detectBudgetPage(doc: Document): Detection {
  const reasons: string[] = [];
  let score = 0;
  let titleHit = TITLE_RE.test(doc.title ?? '');
  if (titleHit) {
    score += 2;
    reasons.push('title');
  }
  const tables = doc.getElementsByTagName('table');
  const n = tables.length;
  if (n === 0) return { isBudget: false, score, reasons, titleHit };
  let headerHits = 0;
  let unitHits = 0;
  for (let i = 0; i < n && i < MAX_TABLES; i++) {
    const t = tables[i]!;
    const rows = t.getElementsByTagName('tr');
    const h = head(rows[0], 300) + head(rows[1], 300) + head(rows[2], 300);
    if (HEADER_RE.test(h)) headerHits++;
    if (UNIT_RE.test(h) || UNIT_RE.test(head(t.previousElementSibling, 120))) unitHits++;
    if (headerHits >= 3) break;
  }
  if (headerHits === 0) return { isBudget: false, score, reasons, titleHit };
  score += Math.min(headerHits, 3) * 2;
  reasons.push(`tables:${headerHits}`);
  if (unitHits) {
    score += 1;
    reasons.push('unit');
  }
  if (!titleHit) {
    const h1 = doc.getElementsByTagName('h1')[0] ?? doc.getElementsByTagName('h2')[0];
    if (h1 && TITLE_RE.test(head(h1, 200))) {
      titleHit = true;
      score += 1;
      reasons.push('heading');
    }
  }
  // A budget page shows budget tables; words in a title alone (news about a budget) are not enough.
  const isBudget = headerHits >= 2 || (headerHits >= 1 && score >= 4);
  return { isBudget, score, reasons, titleHit };
}

/**
 * Percent-decoding that never throws. Government sites link attachments by percent-encoded Chinese names,
 * sometimes in GBK (not UTF-8), sometimes cut mid-escape; each well-formed UTF-8 run is decoded and the rest
 * is kept as it is.
 */
export function decodeUriLenient(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(?:%[0-9a-f]{2})+/gi, decodeRun);
  }
}

/** One run of escapes, one UTF-8 sequence at a time (its length read from the lead byte). */
function decodeRun(run: string): string {
  const esc = run.match(/%[0-9a-f]{2}/gi) ?? [];
  let out = '';
  for (let i = 0; i < esc.length; ) {
    const lead = parseInt(esc[i]!.slice(1), 16);
    const len = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    const seq = esc.slice(i, i + len).join('');
    let text: string | undefined;
    try {
      text = decodeURIComponent(seq);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      out += esc[i];
      i += 1;
    } else {
      out += text;
      i += len;
    }
  }
  return out;
}

/** Links to PDFs that look like budget documents, for the "check with BudgetLens" affordance. */
export function budgetPdfLinks(doc: Document, max = 200): HTMLAnchorElement[] {
  const out: HTMLAnchorElement[] = [];
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && out.length < max; i++) {
    const a = links[i] as HTMLAnchorElement;
    const href = a.getAttribute('href') ?? '';
    if (/\.pdf(?:$|[?#])/i.test(href) && /预算|决算|绩效|附件|附表/.test(head(a, 120) + decodeUriLenient(href.slice(-120)))) out.push(a);
  }
  return out;
}
