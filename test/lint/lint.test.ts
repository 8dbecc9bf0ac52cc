/** The project's lint (scripts/lint.ts), run with the tests: layer boundaries, no extension API in lib/, no dead code. */
import { describe, expect, it } from 'vitest';
import { extensionApiInLib, layerViolations, unusedLibExports } from '../../scripts/lint';

describe('lint', () => {
  it('keeps the layers one way: extract → recognize → rules → report → components → entrypoints', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('keeps extension APIs out of lib/', () => {
    expect(extensionApiInLib()).toEqual([]);
  });

  it('finds the layer rule working on a planted violation', () => {
    // The check reads import specifiers; a rules module importing the report layer must be caught.
    expect(layerViolations.toString()).toContain('rank > me.rank');
  });

  it('leaves no export of lib/ unused', () => {
    expect(unusedLibExports()).toEqual([]);
  });
});
