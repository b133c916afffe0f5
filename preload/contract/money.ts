// Money as the counter writes it: integer paise in, rupees out. Shared by the
// core (slips, messages, CSV, PDF) and the renderer, so every place says the
// same amount the same way.

/** 1234550 → "12,345.50" with Indian digit grouping (lakh, crore). */
export function rupees(paise: number): string {
  const negative = paise < 0;
  const abs = Math.abs(Math.trunc(paise));
  const whole = Math.floor(abs / 100).toString();
  const fraction = String(abs % 100).padStart(2, '0');
  const last3 = whole.slice(-3);
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${rest ? `${rest},` : ''}${last3}.${fraction}`;
}

/** "₹12,345.50" for screens and messages. */
export const inr = (paise: number) => (paise < 0 ? `-₹${rupees(-paise)}` : `₹${rupees(paise)}`);

/** "Rs 12,345.50" for thermal printers, whose own fonts have no ₹. */
export const rs = (paise: number) => (paise < 0 ? `-Rs ${rupees(-paise)}` : `Rs ${rupees(paise)}`);

/** The amount in a UPI request: rupees with two decimals, no grouping ("10.00"). */
export const upiAmount = (paise: number) => `${Math.floor(paise / 100)}.${String(paise % 100).padStart(2, '0')}`;

/** Whole rupees typed at the counter ("10", "10.50", "₹1,000") → paise; null when it is not an amount. */
export function parseRupees(text: string): number | null {
  const cleaned = text.replace(/[₹,\s]/g, '').replace(/^Rs\.?/i, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
