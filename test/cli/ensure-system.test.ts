import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(fileURLToPath(import.meta.url), '..', '..', '..', 'scripts', 'ensure-system.sh');

/** A PATH of stubs: chromium and pdftotext present, an fc-list printing `fonts`, apt-get/sudo that leave a mark. */
function stubs(fontList: string): { path: string; mark: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bl-sys-'));
  const mark = join(dir, 'apt-called');
  const exe = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  exe('chromium', 'exit 0');
  exe('pdftotext', 'exit 0');
  writeFileSync(join(dir, 'fonts.txt'), fontList);
  exe('fc-list', `cat ${JSON.stringify(join(dir, 'fonts.txt'))}`);
  exe('apt-get', `echo "$@" >> ${JSON.stringify(mark)}`);
  exe('sudo', `"$@"`);
  return { path: dir, mark };
}

describe('scripts/ensure-system.sh', () => {
  it('finds an installed CJK font in a long font list (no SIGPIPE false alarm) and runs no apt-get', () => {
    // Far more than a pipe buffer after the match: `fc-list | grep -q` under pipefail used to fail here.
    const list = 'Noto Sans CJK SC:style=Regular\n' + 'Some Other Font:style=Regular\n'.repeat(20_000);
    const s = stubs(list);
    const r = spawnSync('bash', [SCRIPT], { env: { PATH: `${s.path}:/usr/bin:/bin` }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(s.mark)).toBe(false);
  });

  it('asks for the font package when the font is really missing', () => {
    const s = stubs('DejaVu Sans:style=Book\n');
    const r = spawnSync('bash', [SCRIPT], { env: { PATH: `${s.path}:/usr/bin:/bin` }, encoding: 'utf8' });
    expect(r.stderr).toMatch(/fonts-noto-cjk/);
  });
});
