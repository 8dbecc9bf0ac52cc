import { note } from '../terms';
import { defineRule, type Finding } from '../types';
import { editDistance } from '../../text/names';

const SUFFIX = /(局|委员会|办公室|中心|委|办|院|厅|部|所|署|馆|会|处|站|队)$/;

export default defineRule({
  id: 'R30g',
  relation: 'R30',
  title: { zh: '单位名称前后写法一致', en: 'The organisation is named consistently' },
  problem: { zh: '单位名称前后写法不一', en: 'The organisation is named inconsistently' },
  explain: {
    zh: '同一份公开文件里，部门名称应始终写成同一个全称。少了行政区划（“上海市规划和自然资源局”少了“普陀区”）或换了字（“规划与自然资源局”），会让读者怀疑这是另一个单位的材料，也说明文件拼合时没有核对。',
    en: 'The department should carry one full name throughout; a missing district or a changed character suggests text copied from another document.',
  },
  example: { zh: '例：封面“上海市普陀区规划和自然资源局”，表格部分标题“上海市规划和自然资源局”。', en: 'E.g. the district missing from one heading.' },
  severity: 'warning',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    const org = doc.organization;
    if (!org || org.length < 6 || !SUFFIX.test(org)) return out;
    const suffix = SUFFIX.exec(org)![1]!;
    const seen = new Set<string>();
    // Candidate names: runs ending with the same suffix that share most of the organisation's characters.
    const re = new RegExp(`[\\u4e00-\\u9fa5]{4,30}?${suffix}`, 'g');
    for (const p of doc.paragraphs) {
      for (const m of p.text.matchAll(re)) {
        let cand = m[0];
        // Trim leading words that are not part of a name ("截至2024年…" leaves only the name).
        const start = cand.indexOf(org[0]!);
        if (start > 0) cand = cand.slice(start);
        if (cand === org || seen.has(cand) || org.includes(cand) || cand.includes(org)) continue;
        if (cand.length < org.length - 4 || cand.length > org.length + 3) continue;
        const d = editDistance(cand, org, 3);
        if (d === 0 || d > 3) continue;
        const shared = [...cand].filter((ch) => org.includes(ch)).length / cand.length;
        if (shared < 0.85) continue;
        seen.add(cand);
        const claim = { id: `org-${out.length}`, key: 'org', label: '单位名称', source: { anchor: p.anchor, quote: cand, ...(p.page !== undefined ? { page: p.page } : {}) } };
        out.push(note('R30g', 'warning', `单位名称写法不一致：“${cand}”，文件其他地方为“${org}”`, `The organisation is written "${cand}" here and "${org}" elsewhere`, [{ kind: 'claim', claim, role: 'printed', label: cand }]));
      }
    }
    return out;
  },
});
