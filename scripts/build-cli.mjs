// Bundles the CLI (lib/cli) into dist/cli.mjs so `npx budget-lens` works right after `npm ci`.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/cli/entry.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pdf.js and tesseract.js stay runtime dependencies: they ship their own workers and data files
  // (@napi-rs/canvas, pdf.js's renderer in Node, is a native module).
  external: ['pdfjs-dist', 'pdfjs-dist/*', 'tesseract.js', '@napi-rs/canvas'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
