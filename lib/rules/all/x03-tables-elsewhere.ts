import { note } from '../terms';
import { defineRule, type Finding } from '../types';

const TABLE_FILE = /附表|附件|报表|预算表|决算表|公开表|表\d|\.(xlsx?|et)(?:$|[?#])/i;

/**
 * A disclosure whose tables are not on the page: a CMS article with the tables attached as a spreadsheet
 * (附表.xls), or a 说明 published without them. The reader must hear that the tables were not checked — and
 * which file holds them — rather than "no problems found".
 */
export default defineRule({
  id: 'X03',
  relation: '—',
  title: { zh: '表格不在本页（附件或另一文件）', en: 'The tables are not on this page (an attachment or another file)' },
  problem: { zh: '表格不在本页，未核对', en: 'The tables are not on this page and were not checked' },
  explain: {
    zh: '有的网站把预算说明写在网页正文里，表格作为附件（如“附表.xls”）或另一份 PDF 提供。这时本页只能核对文字说明；表格需要打开附件另行检查。把附件另存为 PDF 或网页，再和说明一起检查（命令行：--together）。',
    en: 'Some sites put the narrative on the page and the tables in an attachment (附表.xls) or another PDF. Only the narrative on the page can be checked; open the attachment and check it too (CLI: --together).',
  },
  example: { zh: '例：郑州某局 2015 年预算说明网页，三张表在“附表.xls”里。', en: 'E.g. a 2015 budget page whose three tables are in 附表.xls.' },
  severity: 'info',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    if (doc.tables.some((t) => t.kind !== 'unknown')) return out;
    const files = (doc.attachments ?? []).filter((a) => TABLE_FILE.test(a.name) || TABLE_FILE.test(a.href));
    if (files.length) {
      const names = files.map((a) => a.name).join('、');
      out.push(note('X03', 'info', `本页没有表格，表格在附件中（${names}），未核对；只核对了文字说明。请打开附件另行检查`, `No tables on this page; they are in the attachment(s) ${names} and were not checked. Only the narrative was checked`));
    } else if (doc.paragraphs.length && !doc.toc.some((e) => e.kind)) {
      // (With a 目录, R30c already says which tables are in another file.)
      out.push(note('X03', 'info', '本文件没有表格：只核对了文字说明。如果报表另行发布，请和说明一起检查（命令行：--together）', 'This file holds no tables: only the narrative was checked. If the tables are published separately, check both together (CLI: --together)'));
    }
    return out;
  },
});
