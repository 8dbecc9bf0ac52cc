import type { InflateCounter } from '../../lib/extract/pdf/stream-guard';

/**
 * Input goes in a slice at a time, each written only when the output so far has been read. Handed a
 * 2 MB bomb in one piece, the browser's inflater can run far ahead of a reader slowed by a busy machine,
 * and a stray byte after the compressed data then errors the stream with the count still far below the
 * cap (seen: 128 kB counted of 1 GB). Deflate expands at most ~1,032×, so a slice bounds what one step
 * can produce.
 */
const SLICE = 16 * 1024;

/** The browser's own inflater: counts output as it comes and stops past the cap (nothing is kept). */
export const browserInflateCapped: InflateCounter = async (data, cap) => {
  const ds = new DecompressionStream('deflate');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let n = 0;
  let over = false;
  let stopped = false;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      n += value.byteLength;
      if (n > cap) {
        over = true;
        return;
      }
    }
  })()
    // A damaged stream: what inflated before the damage is what pdf.js will see too.
    .catch(() => undefined)
    .finally(() => (stopped = true));
  try {
    for (let i = 0; i < data.length && !stopped; i += SLICE) await Promise.race([writer.write(data.subarray(i, i + SLICE) as Uint8Array<ArrayBuffer>), reading]);
    if (!stopped) await Promise.race([writer.close(), reading]);
  } catch {
    // The write side reports the same damage the reader sees.
  }
  await reading;
  void writer.abort().catch(() => undefined);
  void reader.cancel().catch(() => undefined);
  return over ? 'over' : n;
};
