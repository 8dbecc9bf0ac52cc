/** UI strings, zh and en. The documents are Chinese; the interface can be either. */
export type Lang = 'zh' | 'en';

const STRINGS = {
  brand: { zh: '预算透镜', en: 'BudgetLens' },
  collapse: { zh: '收起', en: 'Collapse' },
  expand: { zh: '展开', en: 'Expand' },
  close: { zh: '关闭', en: 'Close' },
  move: { zh: '拖动以移动面板', en: 'Drag to move the panel' },
  error: { zh: '错误', en: 'Errors' },
  warning: { zh: '警告', en: 'Warnings' },
  info: { zh: '提示', en: 'Notes' },
  errorOne: { zh: '错误', en: 'Error' },
  warningOne: { zh: '警告', en: 'Warning' },
  infoOne: { zh: '提示', en: 'Note' },
  passed: { zh: '核对一致', en: 'Reconciled' },
  noFindings: { zh: '未发现问题。', en: 'No problems found.' },
  notBudget: { zh: '这不是部门预算或决算公开文件。', en: 'This is not a budget or final-accounts disclosure.' },
  unreadable: { zh: '文件没有可读取的文字。', en: 'The file has no readable text.' },
  kind_budget: { zh: '部门预算', en: 'Department budget' },
  'kind_final-accounts': { zh: '部门决算', en: 'Final accounts' },
  'kind_performance-targets': { zh: '绩效目标', en: 'Performance targets' },
  kind_other: { zh: '其他', en: 'Other' },
  unit: { zh: '单位', en: 'Unit' },
  year: { zh: '年度', en: 'Year' },
  totals: { zh: '主要数字', en: 'Key figures' },
  byFunction: { zh: '按功能分类', en: 'By function' },
  threePublic: { zh: '“三公”经费', en: '"Three public" costs' },
  findings: { zh: '检查结果', en: 'Findings' },
  tables: { zh: '表格', en: 'Tables' },
  missing: { zh: '缺', en: 'missing' },
  present: { zh: '在', en: 'present' },
  notListed: { zh: '目录未列', en: 'not in contents' },
  page: { zh: '第 {n} 页', en: 'p. {n}' },
  expected: { zh: '应为', en: 'Expected' },
  printed: { zh: '印刷为', en: 'Printed' },
  difference: { zh: '差', en: 'Difference' },
  why: { zh: '为什么要这样核对', en: 'Why this check' },
  example: { zh: '例子', en: 'Example' },
  more: { zh: '另有 {n} 条', en: '{n} more' },
  analysing: { zh: '正在分析…', en: 'Analysing…' },
  readingPage: { zh: '正在读取第 {page}/{pages} 页', en: 'Reading page {page} of {pages}' },
  failed: { zh: '分析出错（页面未受影响）：', en: 'Analysis failed (the page is unaffected): ' },
  ruleFailed: { zh: '规则 {rule} 运行出错，已跳过：', en: 'Rule {rule} failed and was skipped: ' },
  showOnPage: { zh: '在页面中显示', en: 'Show on the page' },
  noPlace: { zh: '（无对应单元格）', en: '(no cell to show)' },
  openOriginal: { zh: '打开原文件', en: 'Open the original' },
  stopIntercepting: { zh: '不再用预算透镜打开 PDF', en: 'Stop opening PDFs in BudgetLens' },
  readScans: { zh: '识别扫描页（OCR，本地）', en: 'Read the scanned pages (OCR, on this computer)' },
  scansFound: { zh: '{n} 页是图片（扫描件），没有文字层。', en: '{n} page(s) are images (a scan) without text.' },
  checkPdf: { zh: '用预算透镜检查', en: 'Check with BudgetLens' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  find: { zh: '查找', en: 'Find' },
  findNext: { zh: '下一个', en: 'Next' },
  matches: { zh: '{n} 处', en: '{n} matches' },
  stop: { zh: '停止', en: 'Stop' },
  pages: { zh: '页', en: 'pages' },
  language: { zh: 'English', en: '中文' },
  charts: { zh: '图表', en: 'Charts' },
  glossary: { zh: '名词解释', en: 'Glossary' },
  codes: { zh: '科目编码（类/款/项）', en: 'Classification codes (类/款/项)' },
  codesExplain: { zh: '功能分类编码说明钱用在哪方面：前 3 位是“类”，再 2 位是“款”，再 2 位是“项”，如 2010301 = 一般公共服务支出 › 政府办公厅（室）及相关机构事务 › 行政运行。本文件出现的类：', en: 'A function code says what the money is for: 3 digits for the class, 2 more for the section, 2 more for the item (2010301 = general public services › government offices › administration). Classes in this document:' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportMd: { zh: '导出 Markdown', en: 'Export Markdown' },
  print: { zh: '打印报告', en: 'Printable report' },
  exports: { zh: '导出', en: 'Export' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  let s: string = STRINGS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

export function browserLang(): Lang {
  const l = (typeof navigator !== 'undefined' && navigator.language) || 'zh';
  return /^zh/i.test(l) ? 'zh' : 'en';
}
