// Pasted card text (a SMART Health Card or ABHA JSON copied from a phone or a
// message) goes down the scan path instead of into the search box, which is
// for names and ids. Other pastes are left alone.
import { COMPACT_CARD_PREFIX } from '../../../preload/contract/methods/card-schemas';
export function looksLikeCardText(text: string): boolean {
  const t = text.trim();
  return (
    /^shc:\//i.test(t) ||
    t.slice(0, COMPACT_CARD_PREFIX.length).toUpperCase() === COMPACT_CARD_PREFIX ||
    (t.startsWith('{') && t.endsWith('}'))
  );
}

export function installPasteListener(onScan: (text: string) => void, win: Window = window): () => void {
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!looksLikeCardText(text)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    onScan(text);
  };
  win.addEventListener('paste', onPaste, true);
  return () => win.removeEventListener('paste', onPaste, true);
}
