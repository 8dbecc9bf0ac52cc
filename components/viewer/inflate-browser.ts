import type { InflateCounter } from '../../lib/extract/pdf/stream-guard';

/** The browser's own streaming inflater: counts output chunks and cancels past the cap (no buffer kept). */
export const browserInflateCapped: InflateCounter = async (data, cap) => {
  const ds = new DecompressionStream('deflate');
  const reader = new Blob([data as BlobPart]).stream().pipeThrough(ds).getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return n;
      n += value.byteLength;
      if (n > cap) {
        void reader.cancel().catch(() => undefined);
        return 'over';
      }
    }
  } catch {
    // A damaged stream: what inflated before the damage is what pdf.js will see too.
    return n;
  }
};
