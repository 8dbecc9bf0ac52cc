/**
 * Renders assets/icon.svg to the PNG sizes both stores ask for (16, 32, 48, 128) in public/icon/, where WXT
 * picks them up for the manifests. Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are
 * committed, so builds do not need a browser.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';

const ROOT = join(import.meta.dirname, '..');
export const ICON_SIZES = [16, 32, 48, 128] as const;

const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
mkdirSync(join(ROOT, 'public', 'icon'), { recursive: true });
const browser = await launchBrowser();
for (const size of ICON_SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  writeFileSync(join(ROOT, 'public', 'icon', `${size}.png`), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  await page.close();
}
await browser.close();
console.log(`icons: ${ICON_SIZES.join(', ')} px in public/icon/`);
