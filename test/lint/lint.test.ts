/** The project's lint (scripts/lint.ts), run with the tests: layer boundaries, no extension API in lib/, no dead code. */
import { describe, expect, it } from 'vitest';
import { extensionApiInLib, importViolation, layerViolations, unusedLibExports } from '../../scripts/lint';

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
