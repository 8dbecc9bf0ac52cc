/**
 * Build the Chrome and Firefox extensions (wxt build) when the sources are newer than the last build. Used as vitest's
 * global setup (the end-to-end tests load the built extension) and by the demo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const f of readdirSync(path)) m = Math.max(m, newest(join(path, f)));
  return m;
}

export function extensionIsStale(dir = EXTENSION_DIR): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  const src = Math.max(...['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json'].filter((p) => existsSync(join(ROOT, p))).map((p) => newest(join(ROOT, p))));
  return src > built;
}

export function buildExtension(force = false, browser: 'chrome' | 'firefox' = 'chrome'): void {
  if (!force && !extensionIsStale(browser === 'chrome' ? EXTENSION_DIR : FIREFOX_DIR)) return;
  const r = spawnSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt build (${browser}) failed:\n${r.stdout}\n${r.stderr}`);
}

/** Both packages, before any test file runs (test files run in parallel and must not rebuild under each other). */
export default function setup(): void {
  buildExtension(false, 'chrome');
  buildExtension(false, 'firefox');
}
