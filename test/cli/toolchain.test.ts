import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const require = createRequire(import.meta.url);
const semver = require('semver') as { satisfies: (v: string, range: string) => boolean; minVersion: (r: string) => { version: string } };

describe('the Node version the README promises', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; hasInstallScript?: boolean }>;
  };
  const oldest = semver.minVersion(pkg.engines.node).version;

  it('is the one package.json declares', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Node ≥ ${oldest.replace(/\.0$/, '')}`);
  });

  it('is supported by every installed package (npm ci prints no EBADENGINE warning)', () => {
    const bad: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      // Optional platform binaries that do not fit are skipped by npm without a warning.
      const range = !p.optional && p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
      if (range && !semver.satisfies(oldest, range)) bad.push(`${path}@${p.version} needs node ${range}`);
    }
    expect(bad).toEqual([]);
  });

  it('every dependency with an install script is decided in allowScripts (npm ci lists no unreviewed scripts)', () => {
    const allow = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const open = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
      .filter((name) => !(name in allow));
    expect(open).toEqual([]);
  });
});
