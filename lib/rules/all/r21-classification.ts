import { tables } from '../lookup';
import { cellTerm, note, cellEvidence, where } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'R21',
  relation: 'R21',
  title: { zh: '项目支出不应记在“行政运行/事业运行”科目', en: 'Project money should not sit under 行政运行 / 事业运行' },
  problem: { zh: '项目支出记在了“行政运行/事业运行”科目', en: 'Project money booked under 行政运行/事业运行' },
  explain: {
    zh: '功能科目的“项”有固定含义：01 行政运行、50 事业运行用来放保障机构日常运转的基本支出；项目支出一般记在 02 一般行政管理事务、99 其他……支出等科目。行政运行科目下出现项目支出，说明分类可能不准确。',
    en: 'Item 01 (行政运行) and 50 (事业运行) hold basic running spending; project money belongs under 02, 99 and the like. Project money under 01/50 suggests a classification slip.',
  },
  example: { zh: '例：201 31 01 行政运行 558.07 中有项目支出 50.00。', en: 'E.g. 50.00 of project money under 201 31 01.' },
  severity: 'warning',
  group: 'plausibility',
  appliesTo: ['budget'],
  check(doc) {
    const out: Finding[] = [];
    const t = tables(doc, 'expenditure')[0] ?? tables(doc, 'general-public-expenditure')[0];
    if (!t) return out;
    for (const r of t.rows) {
      if (r.kind !== 'function' || !r.code || r.code.length !== 7) continue;
      const item = r.code.slice(5);
      if (item !== '01' && item !== '50') continue;
      const p = cellTerm(t, r, 'project.total');
      if (!p || !p.amount.printed || p.amount.units === 0) continue;
      const w = where(t, r);
      out.push(note('R21', 'warning', `${w.zh}：${item === '01' ? '行政运行' : '事业运行'}科目下有项目支出 ${p.amount.raw}，项目支出通常应列在一般行政管理事务或其他支出等科目`, `${w.en}: ${p.amount.raw} of project money under a running-cost item`, cellEvidence(p), [p.amount.raw]));
    }
    return out;
  },
});
