// Numbers are kept and printed in international digits (0-9), as the Union's
// official use of Hindi does (Constitution, Art. 343), whatever the keyboard
// types: Linux's Hindi InScript layout types ९८११… on its number row, and a
// mobile number in Devanagari digits would find nobody and fail its check.

/**
 * The decimal digits of the Indian scripts (Devanagari, Bengali, Gurmukhi,
 * Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam): each block keeps its
 * zero at offset 0x66 of a 128-character half, so the low seven bits give it.
 */
const INDIC_DIGIT =
  /[\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f]/g;

/** The text with every Indian-script digit written as 0-9; all else as it was. */
export function latinDigits(text: string): string {
  return text.replace(INDIC_DIGIT, (digit) => String((digit.codePointAt(0)! & 0x7f) - 0x66));
}
