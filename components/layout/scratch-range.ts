/**
 * One Range per document, reused for every measurement. The browser updates every Range still alive on each
 * node inserted or removed anywhere in the document, and a Range stays alive until garbage collection
 * (`detach()` does nothing): one new Range per measured cell on a 20,000-mark page made each box removed
 * from our layer — and each change the page itself makes — walk tens of thousands of them (seconds per pass).
 */
const ranges = new WeakMap<Document, Range>();

export function scratchRange(doc: Document): Range {
  let r = ranges.get(doc);
  if (!r) ranges.set(doc, (r = doc.createRange()));
  return r;
}
