// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it } from 'vitest';
import { installLatinDigits } from './typed-digits';

let uninstall: () => void;
let field: HTMLInputElement;
let inputs: string[];

beforeEach(() => {
  document.body.innerHTML = '<input type="text" /><input type="checkbox" />';
  field = document.querySelector('input')!;
  inputs = [];
  field.addEventListener('input', () => inputs.push(field.value));
  uninstall = installLatinDigits(window);
});
afterEach(() => uninstall());

/** What the browser does for a typed character: beforeinput, then (unless prevented) the insert. */
function type(target: HTMLInputElement, data: string): void {
  const event = new InputEvent('beforeinput', { data, inputType: 'insertText', bubbles: true, cancelable: true });
  if (target.dispatchEvent(event)) target.value += data;
}

it('a Devanagari digit typed into a field goes in as 0-9, as one input', () => {
  type(field, '९');
  type(field, '8');
  expect(field.value).toBe('98');
  expect(inputs).toEqual(['9']); // the converted digit; the Latin one the browser typed itself
});

it('a pasted number in Devanagari digits goes in as 0-9 where the caret is', () => {
  field.value = 'Mob ';
  field.setSelectionRange(4, 4);
  field.dispatchEvent(
    new InputEvent('beforeinput', { data: '९८११०', inputType: 'insertFromPaste', bubbles: true, cancelable: true }),
  );
  expect(field.value).toBe('Mob 98110');
});

it('Hindi letters, and keys outside text fields, are left to the browser', () => {
  type(field, 'रा');
  expect(field.value).toBe('रा');
  expect(inputs).toEqual([]);
  const box = document.querySelectorAll('input')[1]!;
  expect(
    box.dispatchEvent(new InputEvent('beforeinput', { data: '१', inputType: 'insertText', bubbles: true, cancelable: true })),
  ).toBe(true);
});
