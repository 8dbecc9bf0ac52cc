import { note, tableEvidence } from '../terms';
import { defineRule, type Finding } from '../types';
import { normalizeSameLength } from '../../recognize/narrative/normalize';

export default defineRule({
  id: 'R30e',
  relation: 'R30',
  title: { zh: '年份前后一致', en: 'Years are consistent' },
  problem: { zh: '年份前后不一致', en: 'Years are inconsistent' },
  explain: {
    zh: '一份 2024 年预算，表名应是 2024 年，与上年比较时的“上年”应是 2023 年。年份写错常见于沿用旧模板，读者可能把数字当成别的年度。',
    en: 'A 2024 budget should title its tables 2024 and compare with 2023; wrong years usually come from reused templates.',
  },
  example: { zh: '例：2024 年预算说明中写“与 2022 年相比”。', en: 'E.g. a 2024 budget "compared with 2022".' },
  severity: 'warning',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    const year = doc.year;
    if (!year) return out;
    for (const t of doc.tables) {
      const m = /(20\d{2})\s*年/.exec(t.title);
      if (m && Number(m[1]) !== year) {
        out.push(note('R30e', 'warning', `表名“${t.title}”的年份 ${m[1]} 与文件年度 ${year} 不符`, `Table title year ${m[1]} differs from the document year ${year}`, [tableEvidence(t)]));
      }
    }
    const seen = new Set<string>();
    for (const p of doc.paragraphs) {
      const norm = normalizeSameLength(p.text);
      const re = /(?:与|比|较|同)\s*(20\d{2})\s*年(?:度)?(?:预算|决算)?(?:数)?\s*(?:相比|比较|持平|增加|减少|增长|下降|无变化|保持一致|一致)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(norm))) {
        const y = Number(m[1]);
        if (y === year - 1 || seen.has(`${p.text}|${y}`)) continue;
        seen.add(`${p.text}|${y}`);
        const claim = { id: `year-${out.length}`, key: 'year', label: '比较年份', source: { anchor: p.anchor, quote: p.text.slice(Math.max(0, m.index - 20), m.index + 40), ...(p.page !== undefined ? { page: p.page } : {}) } };
        out.push(note('R30e', 'warning', `${year} 年的文件与 ${y} 年比较（应为 ${year - 1} 年）：“${claim.source.quote}”`, `A ${year} document compares with ${y} instead of ${year - 1}`, [{ kind: 'claim', claim, role: 'printed', label: '比较年份' }]));
      }
    }
    // Projects named for an earlier year yet funded from this year's appropriation, not carry-over.
    for (const t of doc.tables) {
      if (t.kind !== 'projects') continue;
      for (const p of t.projects ?? []) {
        const m = /^(20\d{2})\s*年/.exec(p.name);
        if (!m || Number(m[1]) >= year) continue;
        const cur = ['cur.gp', 'cur.fund', 'cur.capital'].some((k) => p.row.values[k]?.amount?.printed && p.row.values[k]!.amount!.units > 0);
        if (!cur) continue;
        out.push(note('R30e', 'info', `项目“${p.name}”以 ${m[1]} 年命名，却作为 ${year} 年本年拨款安排（而非结转）`, `Project "${p.name}" is named for ${m[1]} but funded from ${year} appropriations`, [tableEvidence(t)]));
      }
    }
    return out;
  },
});
