import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../../lib/report/schema';
import { findingOrder } from '../Panel';
import { listenFindingKeys } from './finding-keys';

/**
 * Next / previous finding for the page and the viewer alike: the panel's buttons and the keyboard (j / k,
 * Esc closes the card) walk the findings in the panel's order and select each one.
 */
export function useFindingsNav(doc: Document, report: Report | undefined, select: (i: number) => void, close: () => void) {
  const [current, setCurrent] = useState<number | null>(null);
  const order = report ? findingOrder(report) : [];
  const position = current === null ? null : order.indexOf(current);
  const step = (d: 1 | -1) => {
    if (!order.length) return;
    const at = position === null || position < 0 ? (d === 1 ? 0 : order.length - 1) : (position + d + order.length) % order.length;
    const i = order[at]!;
    setCurrent(i);
    select(i);
  };
  const latest = useRef({ step, close });
  latest.current = { step, close };
  useEffect(
    () =>
      listenFindingKeys(doc, {
        next: () => latest.current.step(1),
        previous: () => latest.current.step(-1),
        close: () => latest.current.close(),
      }),
    [],
  );
  return {
    /** Mark a finding chosen by other means (a click in the panel) as the current one. */
    setCurrent,
    nav: { current, position: position === null || position < 0 ? null : position, total: order.length, next: () => step(1), previous: () => step(-1) },
  };
}
