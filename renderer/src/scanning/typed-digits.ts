// Digits typed in any Indian script go into every text field as 0-9 (see
// lib/numerals.ts): one window-wide listener, before the browser inserts the
// text, so the field, React's state and the core all see the same value.
import { latinDigits } from '../lib/numerals';
import { insertText, textField } from './text-field';

export function installLatinDigits(win: Window = window): () => void {
  function onBeforeInput(e: InputEvent) {
    const field = textField(e.target);
    if (!field || !e.data || !e.inputType.startsWith('insert')) return;
    const latin = latinDigits(e.data);
    if (latin === e.data) return;
    e.preventDefault();
    insertText(field, latin);
  }
  win.addEventListener('beforeinput', onBeforeInput, true);
  return () => win.removeEventListener('beforeinput', onBeforeInput, true);
}
