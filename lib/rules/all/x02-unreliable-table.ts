import { defineRule } from '../types';

/**
 * Produced by the engine (lib/rules/misread.ts), not by a check of its own: when a relation fails on most
 * rows of a table, the table was misread, and one note replaces the failures.
 */
export default defineRule({
  id: 'X02',
  relation: '—',
  title: { zh: '表格未能可靠读取，未作核对', en: 'A table could not be read reliably and was not checked' },
  problem: { zh: '表格未能可靠读取，未作核对', en: 'A table could not be read reliably and was not checked' },
  explain: {
    zh: '一张表里如果某个关系在大多数行都不成立，更可能是本工具把列或层级读错了（例如把“其中”列当成了组成部分、把缩进表示的层级当成了并列行），而不是公开文件本身全错。这时不报告错误，只说明这张表没有核对，请人工查看。',
    en: 'When a relation fails on most rows of a table, the likelier cause is that the checker misread the table (a column taken for a part, a hierarchy shown by indentation read as siblings), not that the document is wrong everywhere. No errors are reported on it; the table is listed as not checked.',
  },
  example: { zh: '例：支出表 12 行中有 10 行“合计 ≠ 基本支出 + 项目支出”，而该表的项目支出列实际印在下一页。', en: 'E.g. 10 of 12 rows fail total = basic + project because the project column was printed on the next page.' },
  severity: 'info',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts', 'performance-targets'],
  check() {
    return [];
  },
});
