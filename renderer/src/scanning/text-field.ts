// The text fields a wedge scanner can type into, and how the wedge listener
// changes them so React sees the change: a scan taken back out of a field,
// and a fast burst that was no scan put in at once, as one input.

export type TextField = HTMLInputElement | HTMLTextAreaElement;

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** The field a key lands in as text, or null (a button, a checkbox, a select, the page). */
export function textField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && !NOT_TEXT.has(target.type)) return target;
  return null;
}

/** Sets a (React-controlled) field's value so React sees the change. */
export function setFieldValue(field: TextField, value: string, event: Event = new Event('input', { bubbles: true })): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(event);
}

/** Types text at the caret as one input, within the field's maxLength, as the keys would have. */
export function insertText(field: TextField, text: string): void {
  const value = field.value;
  // Inputs of some types (email, number) have no caret position: they are appended to.
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? value.length;
  const room = field.maxLength >= 0 ? Math.max(0, field.maxLength - (value.length - (end - start))) : text.length;
  const inserted = text.slice(0, room);
  setFieldValue(
    field,
    value.slice(0, start) + inserted + value.slice(end),
    new InputEvent('input', { bubbles: true, inputType: 'insertText', data: inserted }),
  );
  if (field.selectionStart !== null) field.setSelectionRange(start + inserted.length, start + inserted.length);
}
