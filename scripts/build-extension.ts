/**
 * Build the Chrome extension (wxt build) when the sources are newer than the last build. Used as vitest's
 * global setup (the end-to-end tests load the built extension) and by the demo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const f of readdirSync(path)) m = Math.max(m, newest(join(path, f)));
  return m;
}

export function extensionIsStale(): boolean {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  const src = Math.max(...['entrypoints', 'components', 'lib', 'wxt.config.ts', 'package.json'].map((p) => newest(join(ROOT, p))));
  return src > built;
}

export function buildExtension(force = false): void {
  if (!force && !extensionIsStale()) return;
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt build failed:\n${r.stdout}\n${r.stderr}`);
}

export default function setup(): void {
  buildExtension();
}
