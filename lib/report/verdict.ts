import type { Report } from './schema';

/**
 * The one-line verdict on a report, honest about coverage: a clean result is only "no problems" when every
 * standard table the document promises was present and read. Missing tables, tables that could not be read,
 * pages without text and blank templates are said, never hidden behind a ✓.
 */
interface Verdict {
  /** ✓ complete and clean · ✗ errors · △ warnings or incomplete · ○ blank template · - not a disclosure · ? no text. */
  mark: '✓' | '✗' | '△' | '○' | '-' | '?';
  /** Every standard table promised was present and read, and every page had text. */
  complete: boolean;
  zh: string;
  en: string;
  /** What could not be checked, one entry per reason. */
  gaps: { zh: string; en: string }[];
}

const LIST_MAX = 4;

function list(titles: string[], sep: string): string {
  return titles.length > LIST_MAX ? `${titles.slice(0, LIST_MAX).join(sep)}${sep === '、' ? '等' : ', …'}` : titles.join(sep);
}

const PAGE_GAPS: Record<string, { zh: string; en: string }> = {
  'partial-text': { zh: '部分页面没有文字层（扫描图像），其内容未核对', en: 'some pages have no text layer (scanned images) and were not checked' },
  pictures: { zh: '部分页面上的图片（可能是表格）未识别，其内容未核对', en: 'pictures on some pages (possibly tables) were not read and were not checked' },
  truncated: { zh: '文件不完整（被截断），缺失部分未核对', en: 'the file is truncated; the missing part was not checked' },
  unreadable: { zh: '部分内容无法读取，未核对', en: 'part of the file could not be read and was not checked' },
};

/** What the check could not cover. */
function coverageGaps(r: Report): Verdict['gaps'] {
  const gaps: Verdict['gaps'] = [];
  const missing = r.inventory.filter((e) => !e.present);
  if (missing.length) {
    const listed = missing.some((e) => e.listed);
    const n = String(missing.length);
    const of = r.inventory.length;
    gaps.push({
      zh: `缺 ${n} 张${listed ? '目录所列' : '标准'}表格（共 ${of} 张）：${list(missing.map((e) => e.title), '、')}`,
      en: `${n} of ${of} ${listed ? 'tables listed in the contents' : 'standard tables'} missing: ${list(missing.map((e) => e.title), ', ')}`,
    });
  }
  const unread = r.tables.filter((t) => t.unread);
  if (unread.length) {
    gaps.push({
      zh: `${unread.length} 张表格没有读出数据行（相关核对未做）：${list(unread.map((t) => t.title), '、')}`,
      en: `${unread.length} table(s) with no data row read (their checks did not run): ${list(unread.map((t) => t.title), ', ')}`,
    });
  }
  for (const code of new Set(r.warnings.map((w) => w.code))) {
    const g = PAGE_GAPS[code];
    if (g) gaps.push(g);
  }
  return gaps;
}

export function verdict(r: Report): Verdict {
  if (!r.isBudget) {
    const noText = r.warnings.some((w) => w.code === 'no-text-layer');
    return noText
      ? { mark: '?', complete: false, zh: '文件没有可读取的文字，无法判断内容，未做检查', en: 'the file has no readable text; nothing was checked', gaps: [] }
      : { mark: '-', complete: false, zh: '不是部门预算或决算公开文件，未做检查', en: 'not a budget or final-accounts disclosure; nothing was checked', gaps: [] };
  }
  if (r.isTemplate) {
    return { mark: '○', complete: false, zh: '空白模板：表格中没有金额，数字未核对', en: 'a blank template: the tables hold no amounts, no figure was checked', gaps: [] };
  }
  const gaps = coverageGaps(r);
  const { error, warning } = r.counts;
  const complete = gaps.length === 0;
  let zh: string;
  let en: string;
  if (error || warning) {
    zh = `发现${[error ? `错误 ${error} 处` : '', warning ? `警告 ${warning} 处` : ''].filter(Boolean).join('、')}`;
    en = `${[error ? `${error} error(s)` : '', warning ? `${warning} warning(s)` : ''].filter(Boolean).join(' and ')} found`;
  } else if (complete) {
    zh = '各标准表格齐全，核对未发现问题';
    en = 'every standard table present; no problem found';
  } else {
    zh = '已读到的内容核对一致，但核对不完整';
    en = 'what was read is consistent, but the check is incomplete';
  }
  if (!complete) {
    zh += `；${gaps.map((g) => g.zh).join('；')}`;
    en += `; ${gaps.map((g) => g.en).join('; ')}`;
  }
  const mark = error ? '✗' : warning || !complete ? '△' : '✓';
  return { mark, complete, zh, en, gaps };
}
