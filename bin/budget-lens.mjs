#!/usr/bin/env node
// The command runs the bundle that `npm ci` (its prepare step) builds from lib/cli into dist/cli.mjs.
let cli;
try {
  cli = await import('../dist/cli.mjs');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('cli.mjs')) throw e;
  const root = new URL('..', import.meta.url).pathname;
  process.stderr.write(`budget-lens: the command is not built yet; run \`npm ci\` in ${root} first\n`);
  process.exit(2);
}
process.exitCode = await cli.run(process.argv.slice(2));
