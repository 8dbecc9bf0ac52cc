/** The project's lint (scripts/lint.ts), run with the tests: layer boundaries, no extension API in lib/, no dead code. */
import { describe, expect, it } from 'vitest';
import { extensionApiInLib, importViolation, layerViolations, ROOT, unusedLibExports } from '../../scripts/lint';

describe('lint', () => {
  it('keeps the layers one way: extract → recognize → rules → report → components → entrypoints', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('keeps extension APIs out of lib/', () => {
    expect(extensionApiInLib()).toEqual([]);
  });

  it('catches an import against the flow, and lets the flow through', () => {
    expect(importViolation('lib/rules/all/r01.ts', 'lib/report/summary.ts')).toMatch(/rules.*imports.*report/);
    expect(importViolation('lib/extract/dom/extract.ts', 'lib/recognize/model.ts')).toBeDefined();
    expect(importViolation('components/Panel.tsx', 'lib/report/summary.ts')).toBeUndefined();
    expect(importViolation('lib/recognize/tables.ts', 'lib/money/amount.ts')).toBeUndefined();
  });

  it('leaves no export of lib/ unused', () => {
    expect(unusedLibExports()).toEqual([]);
  });
});

describe('no unused locals or parameters (tsc)', () => {
  it('compiles with noUnusedLocals and noUnusedParameters', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = (() => {
      try {
        execFileSync('npx', ['tsc', '--noEmit', '-p', '.', '--noUnusedLocals', '--noUnusedParameters'], { cwd: ROOT, encoding: 'utf8' });
        return '';
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e);
      }
    })();
    expect(out.split('\n').filter((l) => /error TS6\d{3}/.test(l))).toEqual([]);
  }, 120_000);
});
