import { createInflate } from 'node:zlib';
import type { InflateCounter } from '../extract/pdf/stream-guard';

/** Node's streaming inflater: counts output chunks and stops past the cap (nothing is kept). */
export const nodeInflateCapped: InflateCounter = (data, cap) =>
  new Promise((resolve) => {
    const z = createInflate({ chunkSize: 1 << 20 });
    let n = 0;
    let settled = false;
    const finish = (v: number | 'over') => {
      if (settled) return;
      settled = true;
      resolve(v);
      z.destroy();
    };
    z.on('data', (c: Buffer) => {
      n += c.length;
      if (n > cap) finish('over');
    });
    z.on('end', () => finish(n));
    // A damaged stream: what inflated before the damage is what pdf.js will see too.
    z.on('error', () => finish(n));
    z.end(data);
  });
