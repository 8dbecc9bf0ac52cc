import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type CliEnv } from '../../lib/cli/main';
import { Report } from '../../lib/report/schema';
import { FIXTURES } from '../helpers';
import { parseCsv } from '../support/csv-parse';

const __dirname = join(fileURLToPath(import.meta.url), '..');
const ROOT = join(__dirname, '..', '..');
const PDFS = join(FIXTURES, '..', 'pdf');
/** 001 has warnings and no errors, every standard table; 003 has errors. */
const CLEAN = join(FIXTURES, '001-excel-export.html');
const ERRS = join(FIXTURES, '003-clean-gbk.html');

async function run(argv: string[], env: CliEnv = { locale: {} }) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) }, env);
  return { code, out, err };
}
const tmp = (p = 'bl-') => mkdtempSync(join(tmpdir(), p));

describe('budget-lens check (in process)', () => {
  it('prints a readable zh report with the money summary, the verdict and explained findings; exit 1 for errors', async () => {
    const r = await run(['check', ERRS]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('部门预算（2023 年）');
    expect(r.out).toContain('中共济源产城融合示范区工作委员会办公室');
    expect(r.out).toMatch(/收入总计 1,990\.50 万元/);
    expect(r.out).toMatch(/“三公”经费 25\.50/);
    expect(r.out).toMatch(/结论：✗ 发现错误 \d+ 处.*缺 2 张目录所列表格/);
    expect(r.out).toMatch(/缺：部门收入预算表、支出经济分类汇总表/);
    expect(r.out).toMatch(/\[错误\] R25 /);
  });

  it('exit 0 when nothing is wrong: a complete document with no errors, or a page that is not a disclosure', async () => {
    expect((await run(['check', join(FIXTURES, 'news-plain.html')])).code).toBe(0);
    // The status follows the report: 0 exactly when it counts no error (001 has none today).
    const errors = JSON.parse((await run(['check', CLEAN, '--json'])).out).counts.error as number;
    expect((await run(['check', CLEAN])).code).toBe(errors ? 1 : 0);
  });

  it('--json prints exactly the documented shape, validated by the schema', async () => {
    const r = await run(['check', join(FIXTURES, '000-word-cms.html'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(() => Report.parse(j)).not.toThrow();
    expect(j).toMatchObject({ isBudget: true, kind: 'budget', year: 2024, organization: '洛阳市城乡一体化示范区党政办公室', unit: '万元' });
    expect(j.source).toContain('000-word-cms.html');
    expect(j.tables[0]).toMatchObject({ kind: 'income-expenditure', title: '2024年部门收支预算表', rows: expect.any(Number), columns: 4 });
    expect(j.totals['收入总计']).toBe('1070.00');
    expect(j.totals['项目支出']).toBe('507.37');
    for (const x of j.findings) expect(['error', 'warning', 'info']).toContain(x.severity);
  });

  it('a page that is not a budget disclosure: isBudget false, no findings', async () => {
    for (const f of ['news-stats.html', 'shop.html', 'news-plain.html']) {
      const j = JSON.parse((await run(['check', join(FIXTURES, f), '--json'])).out);
      expect(j).toMatchObject({ isBudget: false, kind: 'other', findings: [] });
    }
  });

  it('--format csv, md and json on standard output', async () => {
    const csv = await run(['check', ERRS, '--format=csv']);
    const rows = parseCsv(csv.out.slice(1));
    expect(rows[0]).toEqual(['rule', 'severity', 'table', 'row', 'column', 'page', 'expected', 'printed', 'difference', 'message']);
    expect(rows.slice(1).map((x) => x[0])).toContain('R25');
    const memo = await run(['check', ERRS, '--format', 'md']);
    expect(memo.out).toMatch(/^# 预算透镜核对报告：中共济源产城融合示范区工作委员会办公室 2023 年部门预算/);
    expect((await run(['check', ERRS, '--format=xml'])).code).toBe(2);
  });

  it('--out infers the format from the extension and writes only that file', async () => {
    const dir = tmp();
    const csv = await run(['check', ERRS, `--out=${join(dir, 'r.csv')}`]);
    expect(csv).toMatchObject({ code: 1, out: '' });
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toMatch(/^\uFEFFrule,severity,table/);
    const md = await run(['check', ERRS, `--out=${join(dir, 'r.md')}`]);
    expect(md.code).toBe(1);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# 预算透镜核对报告/);
    await run(['check', ERRS, '--out', join(dir, 'r.json')]);
    expect(() => Report.parse(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')))).not.toThrow();
    await run(['check', ERRS, `--out=${join(dir, 'r.txt')}`]);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toMatch(/^BudgetLens 预算透镜/);
    // An extension that names no format: the --format asked for, else text.
    await run(['check', ERRS, '--format=json', `--out=${join(dir, 'r.out')}`]);
    expect(JSON.parse(readFileSync(join(dir, 'r.out'), 'utf8')).isBudget).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 'r.json', 'r.md', 'r.out', 'r.txt']);
  });

  it('--format contradicting the --out extension is refused; nothing is written', async () => {
    const dir = tmp();
    const r = await run(['check', ERRS, '--format=json', `--out=${join(dir, 'r.csv')}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format=json.*--out=.*r\.csv/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a missing output folder: one clear line, exit 2, no stack trace, nothing created', async () => {
    const dir = tmp();
    const r = await run(['check', ERRS, `--out=${join(dir, 'no', 'such', 'r.csv')}`]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/输出文件夹不存在/);
    expect(r.err).not.toMatch(/\bat \w+ \(/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a write that fails leaves nothing half-written (temporary file, then rename)', async () => {
    const dir = tmp();
    // The target name fits, the temporary name beside it does not: the write fails after the check began.
    const name = `${'x'.repeat(245)}.csv`;
    const r = await run(['check', ERRS, `--out=${join(dir, name)}`, '--lang=en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write .*nothing was left behind/);
    expect(readdirSync(dir)).toEqual([]);
    // A report that replaces an older one replaces it whole, with no temporary file left.
    writeFileSync(join(dir, 'r.csv'), 'old');
    await run(['check', CLEAN, `--out=${join(dir, 'r.csv')}`]);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toMatch(/^\uFEFFrule,/);
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });

  it('--help, -h and --version exit 0 on standard output; a wrong command line exits 2 with a short message', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^用法：budget-lens check/);
      expect(r.out).toMatch(/退出状态：0 未发现错误；1 发现错误；2 有文件无法读取/);
    }
    expect((await run(['check', '--help'])).code).toBe(0);
    const v = await run(['--version']);
    expect(v).toMatchObject({ code: 0, out: 'budget-lens 0.1.0\n' });
    const bad = await run(['check', ERRS, '--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/未知选项 --frobnicate\n用法见 budget-lens --help/);
    expect((await run(['frobnicate'])).code).toBe(2);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^用法/);
  });

  it('messages in Chinese or English: --lang wins, else the locale', async () => {
    const missing = join(tmp(), 'missing.html');
    expect((await run(['check', missing, '--lang=en'])).err).toMatch(/does not exist/);
    expect((await run(['check', missing, '--lang', 'zh'], { locale: { LANG: 'en_US.UTF-8' } })).err).toMatch(/找不到/);
    expect((await run(['check', missing], { locale: { LANG: 'en_GB.UTF-8' } })).err).toMatch(/does not exist/);
    expect((await run(['check', missing], { locale: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } })).err).toMatch(/找不到/);
    expect((await run(['check', missing], { locale: { LANG: 'C.UTF-8' } })).err).toMatch(/找不到/);
    expect((await run(['--help'], { locale: { LANG: 'en_US.UTF-8' } })).out).toMatch(/^usage: budget-lens check/);
    expect((await run(['check', missing, '--lang=fr'])).code).toBe(2);
  });

  it('a URL: say to download it first', async () => {
    const r = await run(['check', 'https://www.example.gov.cn/yjs/2024.pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/请先下载.*curl -LO 'https:\/\/www\.example\.gov\.cn\/yjs\/2024\.pdf'/);
    expect((await run(['check', 'http://x.cn/a.html', '--lang=en'])).err).toMatch(/^budget-lens: http:\/\/x\.cn\/a\.html is a web address; .*download it first/);
    // Among other paths, the address is one unreadable input.
    const batch = await run(['check', CLEAN, 'https://x.cn/b.pdf']);
    expect(batch.code).toBe(2);
    expect(batch.out).toMatch(/^! {2}https:\/\/x\.cn\/b\.pdf — 无法读取：.*是网址/m);
  });

  it('Word and Excel files: a hint to save them as PDF or HTML, by name or by content', async () => {
    const dir = tmp();
    for (const [name, app] of [['a.docx', 'Word'], ['b.xls', 'Excel'], ['c.doc', 'Word'], ['d.xlsx', 'Excel']] as const) {
      writeFileSync(join(dir, name), 'PK\u0003\u0004 whatever');
      const r = await run(['check', join(dir, name)]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`是 ${app} 文件`);
      expect((await run(['check', join(dir, name), '--lang=en'])).err).toContain(`is ${app === 'Excel' ? 'an' : 'a'} ${app} file`);
      expect(r.err).toMatch(/另存为” PDF 或网页/);
    }
    // An office file saved under another name (.html) is recognised by its bytes.
    writeFileSync(join(dir, 'e.html'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect((await run(['check', join(dir, 'e.html'), '--lang=en'])).err).toMatch(/save it as PDF or as a web page/);
  });

  it('unreadable input: exit 2 and one line saying why', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.html'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    writeFileSync(join(dir, 'empty.html'), '');
    for (const p of [join(dir, 'missing.html'), join(dir, 'x.html'), join(dir, 'empty.html'), join(PDFS, 'corrupt.pdf')]) {
      const r = await run(['check', p]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('several paths: one line per document, exit status of the worst', async () => {
    const r = await run(['check', join(FIXTURES, 'news-stats.html'), join(FIXTURES, 'news-plain.html')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 个文件 · 读取 2 · 无法读取 0 · 错误 0/);
    const two = await run(['check', CLEAN, ERRS]);
    expect(two.code).toBe(1);
    const lines = two.out.split('\n').filter((l) => /^[✓✗△○?!-] /.test(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^[✓✗△] {2}.*001-excel-export\.html — 中国共产党洛阳市涧西区委员会办公室 2024 预算: 错误 \d+ · 警告 \d+ · 提示 \d+$/);
    expect(lines[1]).toMatch(/^✗ {2}.*003-clean-gbk\.html — .* 2023 预算: 错误 [1-9]\d* · .*；缺 2 张目录所列表格（共 13 张）$/);
    expect((await run(['check', CLEAN, ERRS, join(PDFS, 'corrupt.pdf')])).code).toBe(2);
  });

  it('a glob the shell did not expand (quoted) is expanded; one that matches nothing says so', async () => {
    const r = await run(['check', join(FIXTURES, 'news-*.html')]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => /^- /.test(l))).toHaveLength(2);
    const none = await run(['check', join(FIXTURES, '*.nothing')]);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/没有文件与 .*\*\.nothing 匹配/);
  });

  it('a folder: every format works; unreadable files give exit 2; Word files are skipped with a note', async () => {
    const dir = tmp();
    const docs = join(dir, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    copyFileSync(join(FIXTURES, 'news-stats.html'), join(docs, 'a.html'));
    copyFileSync(join(FIXTURES, 'news-plain.html'), join(docs, 'b.html'));
    writeFileSync(join(docs, 'notes.docx'), 'PK\u0003\u0004');
    const clean = await run(['check', docs]);
    expect(clean.code).toBe(0);
    expect(clean.err).toMatch(/跳过 1 个 Word\/Excel 文件/);
    copyFileSync(ERRS, join(docs, 'c.html'));
    expect((await run(['check', docs])).code).toBe(1);
    copyFileSync(join(PDFS, 'corrupt.pdf'), join(docs, 'sub', 'corrupt.pdf'));
    const text = await run(['check', docs]);
    expect(text.code).toBe(2);
    expect(text.out).toMatch(/^! {2}sub\/corrupt\.pdf — 无法读取：PDF 已损坏或无法解析（/m);
    expect(text.out).toMatch(/4 个文件 · 读取 3 · 无法读取 1/);
    const json = await run(['check', docs, '--format=json']);
    expect(json.code).toBe(2);
    const arr = JSON.parse(json.out);
    expect(arr).toHaveLength(4);
    expect(arr[3]).toMatchObject({ source: expect.stringContaining('corrupt.pdf'), error: expect.any(String) });
    expect(json.err).toMatch(/! {2}sub\/corrupt\.pdf/); // the lines go to standard error then
    const csv = await run(['check', docs, '--format=csv']);
    const rows = parseCsv(csv.out.slice(1));
    expect(rows[0]![0]).toBe('document');
    expect(rows.find((x) => x[2] === 'unreadable')?.[0]).toContain('corrupt.pdf');
    const md = await run(['check', docs, `--out=${join(dir, 'all.md')}`]);
    expect(md.code).toBe(2);
    expect(readFileSync(join(dir, 'all.md'), 'utf8')).toMatch(/^# 预算透镜批量核对\n\n\| 文件 \| 结论 \|/);
    expect(md.out).toMatch(/报告已写入 .*all\.md/);
  });

  it('a finished progress bar is cleared from the terminal', async () => {
    const dir = tmp();
    copyFileSync(CLEAN, join(dir, 'a.html'));
    copyFileSync(join(FIXTURES, 'news-plain.html'), join(dir, 'b.html'));
    copyFileSync(join(FIXTURES, 'shop.html'), join(dir, 'c.html'));
    const r = await run(['check', dir], { locale: {}, tty: true });
    expect(r.err).toContain('█');
    // Every bar drawn is erased again (before each line, and at the end).
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
    expect(r.err.split('\r[').length - 1).toBe(r.err.split('\r\x1b[K').length - 1);
  });
});

describe('the installed command', () => {
  const bin = join(ROOT, 'bin', 'budget-lens.mjs');
  beforeAll(() => {
    // Always the current sources: the bundle is what the command runs.
    execFileSync('node', ['scripts/build-cli.mjs'], { cwd: ROOT });
  });

  it('works from another folder through a link, as `npm link` / `npm install -g .` install it', () => {
    const dir = tmp('bl-bin-');
    mkdirSync(join(dir, 'bin'));
    symlinkSync(bin, join(dir, 'bin', 'budget-lens'));
    const env = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, LANG: 'zh_CN.UTF-8' };
    const help = spawnSync('budget-lens', ['--help'], { cwd: dir, env, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：budget-lens check/);
    for (const f of ['000-word-cms-portrait.pdf', '001-excel-export-landscape.pdf']) copyFileSync(join(PDFS, f), join(dir, f));
    // The shell expands the glob: several paths.
    const glob = spawnSync('bash', ['-c', 'budget-lens check *.pdf --jobs=2'], { cwd: dir, env, encoding: 'utf8' });
    expect(glob.status).toBe(1);
    expect(glob.stdout).toMatch(/^✗ {2}000-word-cms-portrait\.pdf — .*错误 [1-9]/m);
    expect(glob.stdout).toMatch(/^[✓✗△] {2}001-excel-export-landscape\.pdf — .*错误 \d+ · 警告 \d+/m);
    expect(readdirSync(dir).sort()).toEqual(['000-word-cms-portrait.pdf', '001-excel-export-landscape.pdf', 'bin']);
  }, 60_000);

  it('checks a folder on worker threads, streams a line as each document finishes, writes nothing unasked', () => {
    const dir = tmp('bl-batch-');
    const docs = join(dir, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    // A 13-page PDF first, a small page second: with two workers the page's line comes first.
    copyFileSync(join(PDFS, '000-word-cms-portrait.pdf'), join(docs, 'a.pdf'));
    copyFileSync(join(FIXTURES, 'news-plain.html'), join(docs, 'b.html'));
    copyFileSync(join(FIXTURES, '003-clean-gbk.html'), join(docs, 'c.html'));
    copyFileSync(join(PDFS, 'corrupt.pdf'), join(docs, 'sub', 'corrupt.pdf'));
    const r = spawnSync('node', [bin, 'check', 'docs', '--jobs=2'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
    expect(r.status).toBe(2);
    const lines = r.stdout.split('\n').filter((l) => /^[✓✗△○?!-] /.test(l));
    expect(lines).toHaveLength(4);
    expect(lines.findIndex((l) => l.includes('b.html'))).toBeLessThan(lines.findIndex((l) => l.includes('a.pdf')));
    expect(lines.find((l) => l.includes('corrupt.pdf'))).toMatch(/^! /);
    // No budget-lens-findings.csv or anything else appears in the working folder.
    expect(readdirSync(dir)).toEqual(['docs']);
    const out = join(dir, 'all.csv');
    const withCsv = spawnSync('node', [bin, 'check', docs, '--jobs=2', `--out=${out}`], { encoding: 'utf8' });
    expect(withCsv.status).toBe(2);
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(rows[0]![0]).toBe('document');
    const sequential = spawnSync('node', [bin, 'check', docs, '--jobs=1', `--out=${join(dir, 'seq.csv')}`], { encoding: 'utf8' });
    expect(sequential.status).toBe(2);
    expect(readFileSync(join(dir, 'seq.csv'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 120_000);

  it('exits 2 on a missing file', () => {
    const r = spawnSync('node', [bin, 'check', '/nonexistent.html', '--lang=en'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });
});
