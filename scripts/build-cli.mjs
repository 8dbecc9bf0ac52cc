// Bundles the CLI (lib/cli) into dist/cli.mjs so `npx budget-lens` works right after `npm ci`.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/cli/entry.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pdf.js stays a runtime dependency: it ships its own worker and data files.
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
