/**
 * The command line's own messages (usage, errors, batch lines) in Chinese and English. Reports keep their
 * own language (the text and Markdown reports are Chinese; JSON carries both).
 */
export type Lang = 'zh' | 'en';

/**
 * `--lang` wins; else the locale (LC_ALL, LC_MESSAGES, LANG, in POSIX order). A Chinese locale gives zh, any
 * other named language en; no locale or the C/POSIX locale gives zh, the language of the documents and the
 * reports.
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^zh/i.test(loc)) return 'zh';
  if (!loc || /^(C|POSIX)([._@]|$)/i.test(loc)) return 'zh';
  return 'en';
}

export const VERSION = '0.1.0';

const USAGE: Record<Lang, string> = {
  zh: `用法：budget-lens check <文件或文件夹>... [选项]
检查部门预算、决算公开文件（HTML 网页或 PDF）的内部一致性。

  -h, --help                 显示本说明
  -V, --version              显示版本
  --format=text|json|csv|md  报告格式（默认 text；--json 即 --format=json）
  --out=<文件>               报告写入文件而不是标准输出；格式按扩展名（.txt .json .csv .md）推断
  --strict                   印刷舍入范围内的差异也算错误
  --password=<密码>          打开有密码的 PDF
  --jobs=<n>                 多个文件时同时检查几个（默认：每个 CPU 核一个）
  --lang=zh|en               提示信息的语言（默认按 LANG / LC_ALL）
  --ocr[=auto|on|off]        用中文 OCR（tesseract-ocr-chi-sim，本机）识别图片中的文字。auto（默认）：
                             没有文字层的 PDF 页面（扫描件）；on（--ocr）：文字页上的图片也识别（如贴成图片
                             的表格）；off：从不识别
  -t, --together             这几个文件是同一份公开文件的几部分（如“情况说明”和“报表”分开发布）：
                             合在一起当作一份文件检查，说明与表格互相核对

可一次给多个文件、通配符（check *.pdf）或文件夹（含子文件夹里的 HTML 和 PDF）：
每检查完一个文件打印一行；--out 写出合并的报告（.csv 每条问题一行，带 document 列）。
只有 --out 指定的地方才会写文件。

退出状态：0 未发现错误；1 发现错误；2 有文件无法读取（或命令用法有误）。`,
  en: `usage: budget-lens check <file or folder>... [options]
Checks Chinese government budget and final-accounts disclosures (HTML pages or PDFs) for internal consistency.

  -h, --help                 show this help
  -V, --version              show the version
  --format=text|json|csv|md  report format (default text; --json is --format=json)
  --out=<file>               write the report to a file instead of standard output; the format follows
                             the extension (.txt .json .csv .md)
  --strict                   differences within printed rounding count as errors too
  --password=<pw>            open password-protected PDFs
  --jobs=<n>                 several files: how many are checked at once (default: one per core)
  --lang=zh|en               language of these messages (default: from LANG / LC_ALL)
  --ocr[=auto|on|off]        read pictures of text with Chinese OCR (tesseract-ocr-chi-sim, on this machine).
                             auto (default): PDF pages without a text layer (scans); on (--ocr): also
                             pictures on pages with text (a table pasted as an image); off: never
  -t, --together             the files are parts of one disclosure (a 情况说明 and its 报表 published
                             separately): read and check them as one document, narrative against tables

Several files, shell globs (check *.pdf) and folders (HTML pages and PDFs, sub-folders too) are checked one
by one: a line is printed as each document finishes; --out writes the combined report (.csv: one row per
finding, with a document column). Files are written only where --out says.

Exit status: 0 no errors found; 1 errors found; 2 some input could not be read (or the command was wrong).`,
};

export function usage(lang: Lang): string {
  return USAGE[lang];
}

type Msg = (...a: string[]) => string;

const MESSAGES = {
  unknownOption: { zh: (x) => `未知选项 ${x}`, en: (x) => `unknown option ${x}` },
  needsValue: { zh: (x) => `${x} 需要一个值（${x}=…）`, en: (x) => `${x} needs a value (${x}=…)` },
  badFormat: { zh: (f) => `未知格式 ${f}（可用 text、json、csv、md）`, en: (f) => `unknown format ${f} (text, json, csv, md)` },
  badJobs: { zh: () => '--jobs 需要一个 ≥ 1 的整数', en: () => '--jobs needs a whole number ≥ 1' },
  badLang: { zh: (l) => `未知语言 ${l}（可用 zh、en）`, en: (l) => `unknown language ${l} (zh, en)` },
  formatConflict: {
    zh: (f, out) => `--format=${f} 与 --out=${out} 的扩展名不符；去掉其中一个，或让扩展名与格式一致`,
    en: (f, out) => `--format=${f} does not match the extension of --out=${out}; drop one of them or make them agree`,
  },
  noCommand: { zh: () => '缺少命令：budget-lens check <文件>', en: () => 'missing command: budget-lens check <file>' },
  unknownCommand: { zh: (c) => `未知命令 ${c}（可用 check）`, en: (c) => `unknown command ${c} (use check)` },
  noPaths: { zh: () => '没有给出要检查的文件', en: () => 'no file to check was given' },
  badOcr: { zh: (m: string) => `--ocr 的取值 ${m} 无效（auto、on、off）`, en: (m: string) => `unknown --ocr value ${m} (auto, on, off)` },
  togetherNeedsFiles: { zh: () => '--together 需要两个或更多文件（例如说明和报表）', en: () => '--together needs two or more files (the narrative and the tables, say)' },
  notFound: { zh: (p) => `找不到 ${p}`, en: (p) => `${p} does not exist` },
  noAccess: { zh: (p) => `没有权限读取 ${p}`, en: (p) => `${p} cannot be read (permission denied)` },
  cannotRead: { zh: (p, why) => `无法读取 ${p}（${why}）`, en: (p, why) => `cannot read ${p} (${why})` },
  empty: { zh: (p) => `${p} 是空文件`, en: (p) => `${p} is empty` },
  neither: { zh: (p) => `${p} 既不是 HTML 网页也不是 PDF`, en: (p) => `${p} is neither an HTML page nor a PDF` },
  encrypted: {
    zh: (p) => `${p}：PDF 有密码保护；用 --password=… 给出密码，或另存一份无密码的副本`,
    en: (p) => `${p}: the PDF is encrypted with a password; give it with --password=… or save an unprotected copy`,
  },
  wrongPassword: { zh: (p) => `${p}：给出的密码打不开这个 PDF`, en: (p) => `${p}: the password given does not open this PDF` },
  pdfUnreadable: { zh: (p, why) => `${p}：PDF 已损坏或无法解析（${why}）`, en: (p, why) => `${p}: the PDF is damaged or cannot be parsed (${why})` },
  url: {
    zh: (u) => `${u} 是网址；只检查本机文件，不联网：请先下载，例如 curl -LO '${u}'，再检查下载的文件（网页也可在浏览器中用扩展检查）`,
    en: (u) => `${u} is a web address; only local files are checked, with no network requests: download it first (e.g. curl -LO '${u}') and check the downloaded file (or check the page in the browser with the extension)`,
  },
  office: {
    zh: (p, app) => `${p} 是 ${app} 文件，无法直接读取：请在 ${app} 或 WPS 中“另存为” PDF 或网页（.html）后再检查`,
    en: (p, app) => `${p} is ${/^[AEIOU]/.test(app) ? 'an' : 'a'} ${app} file, which is not read directly: save it as PDF or as a web page (.html) in ${app} or WPS and check that file`,
  },
  noMatch: { zh: (g) => `没有文件与 ${g} 匹配`, en: (g) => `no file matches ${g}` },
  folderEmpty: { zh: (f) => `${f} 里没有 HTML 网页或 PDF`, en: (f) => `${f} holds no HTML page or PDF` },
  skippedOffice: {
    zh: (n) => `跳过 ${n} 个 Word/Excel 文件（另存为 PDF 或网页后可检查）`,
    en: (n) => `skipped ${n} Word/Excel file(s) (save them as PDF or as web pages to check them)`,
  },
  outDirMissing: {
    zh: (d) => `输出文件夹不存在：${d}（请先建立它，或换一个 --out 路径）`,
    en: (d) => `the output folder does not exist: ${d} (create it first or choose another --out path)`,
  },
  outIsDir: { zh: (p) => `--out=${p} 是一个文件夹；请给出文件名`, en: (p) => `--out=${p} is a folder; give a file name` },
  writeFailed: { zh: (p, why) => `无法写入 ${p}（${why}），未留下任何文件`, en: (p, why) => `cannot write ${p} (${why}); nothing was left behind` },
  wrote: { zh: (p) => `报告已写入 ${p}`, en: (p) => `report written to ${p}` },
  batchTotal: {
    zh: (n, read, bad, err, warn) => `${n} 个文件 · 读取 ${read} · 无法读取 ${bad} · 错误 ${err} · 警告 ${warn}`,
    en: (n, read, bad, err, warn) => `${n} documents · read ${read} · unreadable ${bad} · errors ${err} · warnings ${warn}`,
  },
  unreadableMark: { zh: () => '无法读取', en: () => 'cannot read' },
  seeHelp: { zh: () => '用法见 budget-lens --help', en: () => 'see budget-lens --help' },
} satisfies Record<string, Record<Lang, Msg>>;

export type MessageKey = keyof typeof MESSAGES;

export function msg(lang: Lang, key: MessageKey, ...args: string[]): string {
  return (MESSAGES[key][lang] as Msg)(...args);
}
