import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
const __dirname = join(fileURLToPath(import.meta.url), '..');
import { main } from '../../lib/cli/main';
import { Report } from '../../lib/report/schema';
import { FIXTURES } from '../helpers';
import { parseCsv } from '../support/csv-parse';

const PDFS = join(FIXTURES, '..', 'pdf');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('budget-lens check (in process)', () => {
  it('prints a readable zh report with the money summary and explained findings', async () => {
    const r = await run('check', join(FIXTURES, '003-clean-gbk.html'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('部门预算（2023 年）');
    expect(r.out).toContain('中共济源产城融合示范区工作委员会办公室');
    expect(r.out).toMatch(/收入总计 1,990\.50 万元/);
    expect(r.out).toMatch(/“三公”经费 25\.50/);
    expect(r.out).toMatch(/缺：部门收入预算表、支出经济分类汇总表/);
    expect(r.out).toMatch(/\[错误\] R25 同比增减与增长率相符/);
  });

  it('--json prints exactly the documented shape, validated by the schema', async () => {
    const r = await run('check', join(FIXTURES, '000-word-cms.html'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(() => Report.parse(j)).not.toThrow();
    expect(j).toMatchObject({ isBudget: true, kind: 'budget', year: 2024, organization: '洛阳市城乡一体化示范区党政办公室', unit: '万元' });
    expect(j.source).toContain('000-word-cms.html');
    expect(j.tables[0]).toMatchObject({ kind: 'income-expenditure', title: '2024年部门收支预算表', rows: expect.any(Number), columns: 4 });
    expect(j.totals['收入总计']).toBe('1070.00');
    expect(j.totals['一般公共服务支出']).toBe('941.27');
    expect(j.totals['项目支出']).toBe('507.37');
    const f = j.findings.find((x: { rule: string }) => x.rule === 'R29');
    expect(f).toMatchObject({ severity: 'error', values: expect.arrayContaining(['≤15.93元']) });
    expect(typeof f.message).toBe('string');
    for (const x of j.findings) expect(['error', 'warning', 'info']).toContain(x.severity);
  });

  it('a page that is not a budget disclosure: isBudget false, no findings', async () => {
    for (const f of ['news-stats.html', 'shop.html', 'news-plain.html']) {
      const r = await run('check', join(FIXTURES, f), '--json');
      const j = JSON.parse(r.out);
      expect(j.isBudget).toBe(false);
      expect(j.kind).toBe('other');
      expect(j.findings).toEqual([]);
    }
  });

  it('--format csv, md and json, and --out writes the file instead', async () => {
    const fixture = join(FIXTURES, '003-clean-gbk.html');
    const csv = await run('check', fixture, '--format=csv');
    expect(csv.code).toBe(0);
    const rows = parseCsv(csv.out.slice(1));
    expect(rows[0]).toEqual(['rule', 'severity', 'table', 'row', 'column', 'page', 'expected', 'printed', 'difference', 'message']);
    expect(rows.slice(1).map((x) => x[0])).toContain('R25');
    const memo = await run('check', fixture, '--format', 'md');
    expect(memo.out).toMatch(/^# 预算透镜核对报告：中共济源产城融合示范区工作委员会办公室 2023 年部门预算/);
    expect(memo.out).toMatch(/\*\*R25 /);
    const dir = mkdtempSync(join(tmpdir(), 'bl-'));
    const file = join(dir, 'r.json');
    const json = await run('check', fixture, '--format=json', `--out=${file}`);
    expect(json.out).toBe('');
    expect(() => Report.parse(JSON.parse(readFileSync(file, 'utf8')))).not.toThrow();
    const bad = await run('check', fixture, '--format=xml');
    expect(bad.code).toBe(2);
  });

  it('unreadable input: exit 2 and one line saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-'));
    const bin = join(dir, 'x.html');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '');
    for (const p of [join(dir, 'missing.html'), bin, empty]) {
      const r = await run('check', p);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    const usage = await run('frobnicate');
    expect(usage.code).toBe(2);
  });
});

describe('the installed command', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'budget-lens.mjs');
  beforeAll(() => {
    // Always the current sources: the bundle is what `npx budget-lens` runs.
    execFileSync('node', ['scripts/build-cli.mjs'], { cwd: join(__dirname, '..', '..') });
  });
  it('runs as `budget-lens check file --json` and exits 0', () => {
    const r = spawnSync('node', [bin, 'check', join(FIXTURES, '001-excel-export.html'), '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tables).toHaveLength(14);
  });
  it('checks a folder with two worker threads: one line per document, one combined CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-batch-'));
    const docs = join(dir, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    for (const f of ['000-word-cms.html', '003-clean-gbk.html', 'news-plain.html']) copyFileSync(join(FIXTURES, f), join(docs, f));
    copyFileSync(join(PDFS, 'nonembedded-cjk.pdf'), join(docs, 'sub', 'nonembedded-cjk.pdf'));
    copyFileSync(join(PDFS, 'corrupt.pdf'), join(docs, 'sub', 'corrupt.pdf'));
    const out = join(dir, 'all.csv');
    const r = spawnSync('node', [bin, 'check', docs, '--jobs=2', `--out=${out}`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^[✓✗△!-] /.test(l));
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes('000-word-cms.html'))).toMatch(/✗ .*错误 5/);
    expect(lines.find((l) => l.includes('corrupt.pdf'))).toMatch(/^! .*cannot read/);
    expect(lines.find((l) => l.includes('news-plain.html'))).toMatch(/^- /);
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(rows[0]![0]).toBe('document');
    const sequential = spawnSync('node', [bin, 'check', docs, '--jobs=1', `--out=${join(dir, 'seq.csv')}`], { encoding: 'utf8' });
    expect(readFileSync(join(dir, 'seq.csv'), 'utf8')).toBe(readFileSync(out, 'utf8'));
    expect(sequential.stdout).toBe(r.stdout.replace(out, join(dir, 'seq.csv')));
  }, 120_000);

  it('exits 2 on a missing file', () => {
    const r = spawnSync('node', [bin, 'check', '/nonexistent.html'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });
});
