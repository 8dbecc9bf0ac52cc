import { kindInfo, titleCore } from '../../recognize/catalog';
import { note, tableEvidence } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'R30c',
  relation: 'R30',
  title: { zh: '目录列出的表都在正文中', en: 'Every table in the contents is present' },
  problem: { zh: '目录列出的表在正文中找不到', en: 'A table the contents list is missing' },
  explain: {
    zh: '部门预算要公开全部规定的附表。目录里列出的表应当都能在正文中找到；缺表意味着读者看不到这部分数据（也可能是网页或 PDF 漏传）。表名与目录不完全一致时仅作提示。',
    en: 'Every table the contents lists should be in the body; a missing table means data the public cannot see. Title wording differences are noted only.',
  },
  example: { zh: '例：目录有“二、部门收入预算表”“七、支出经济分类汇总表”，正文中却没有这两张表。', en: 'E.g. the contents list the income table but the body has none.' },
  severity: 'error',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    if (!doc.toc.length) return out;
    const listed = doc.toc.filter((e) => e.kind);
    // A 说明 published on its own: the tables its 目录 lists are a second file, not missing pages.
    if (!doc.tables.some((t) => t.kind !== 'unknown') && listed.length) {
      const e = listed[0]!;
      out.push(note('R30c', 'info', `本文件只有文字说明：目录所列的 ${listed.length} 张表不在本文件中（通常另行发布），表格未核对；请同时打开报表文件一起检查`, `This file holds the narrative only: the ${listed.length} tables its contents list are not in it (usually published as a separate file) and were not checked; check it together with the tables file`, [], [], e.page !== undefined ? { page: e.page } : {}));
      return out;
    }
    const unread = doc.tables.some((t) => t.kind === 'unknown');
    for (const e of doc.toc) {
      if (!e.kind) continue;
      const present = doc.tables.filter((t) => t.kind === e.kind);
      const ev = [{ kind: 'claim' as const, claim: { id: `toc-${e.number ?? e.title}`, key: 'toc', label: '目录', source: { anchor: e.anchor, quote: e.title, ...(e.page !== undefined ? { page: e.page } : {}) } }, role: 'printed' as const, label: e.title }];
      if (!present.length) {
        // Missing, or only not recognised: a completeness warning, never an arithmetic error.
        const zh = unread ? `目录列有“${e.title}”，但正文中没有找到这张表（也可能是本工具未能识别它）` : `目录列有“${e.title}”，但正文中没有这张表`;
        out.push(note('R30c', unread ? 'warning' : 'error', zh, `The contents list "${e.title}" but no such table was found in the body`, ev, [], { absence: true, ...(e.page !== undefined ? { page: e.page } : {}) }));
        continue;
      }
      const t = present[0]!;
      if (t.title && titleCore(t.title) !== titleCore(e.title)) {
        out.push(note('R30c', 'info', `表名与目录不同：目录“${e.title}”，正文“${t.title}”（同为${kindInfo(t.kind as never).zh}）`, `Title differs from the contents: "${e.title}" vs "${t.title}"`, [...ev, tableEvidence(t)]));
      }
    }
    return out;
  },
});
