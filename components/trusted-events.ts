/**
 * Our buttons act only on what the reader does. A page can dispatch clicks, key presses and input events
 * from script (element.click(), dispatchEvent); those arrive with isTrusted false. Listening first, in the
 * capture phase at our own root, lets none of them reach a handler.
 */
const KINDS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'change', 'submit', 'dragstart', 'drop'] as const;

/** Elements our own code clicks (the download link of an export): their synthetic click is ours. */
const ours = new WeakSet<EventTarget>();
export function ownClick(el: HTMLElement): void {
  ours.add(el);
  el.click();
  ours.delete(el);
}

export function refuseSyntheticEvents(target: EventTarget): void {
  const stop = (e: Event) => {
    if (e.isTrusted || (e.target && ours.has(e.target))) return;
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  for (const k of KINDS) target.addEventListener(k, stop, { capture: true });
}
