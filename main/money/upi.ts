// A UPI payment request for the exact fee (NPCI's UPI deep link,
// upi://pay?pa=…&pn=…&am=…&cu=INR&tn=…&tr=…), made on the counter: the QR
// shown on the customer-facing screen and printed on the request slip is
// drawn here from the `qrcode` package, with no payment service involved.
// The clerk confirms the money arrived; nothing is inferred from the QR.
import QRCode from 'qrcode';
import { upiAmount } from '../../preload/contract/money';

export interface UpiRequest {
  vpa: string;
  payeeName: string;
  amountPaise: number;
  /** What the payer's app shows, e.g. "OPD fee MED LNHB260001734". */
  note: string;
  /** Our reference (the token's id without hyphens, 32 characters: UPI allows 35). */
  ref?: string | undefined;
}

export function upiUri(r: UpiRequest): string {
  const params = [
    ['pa', r.vpa],
    ['pn', r.payeeName],
    ['am', upiAmount(r.amountPaise)],
    ['cu', 'INR'],
    ['tn', r.note.slice(0, 50)],
    ...(r.ref ? [['tr', r.ref.replace(/-/g, '').slice(0, 35)]] : []),
  ];
  return `upi://pay?${params.map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&')}`;
}

/** The QR as an SVG (one path, crisp at any size), quiet zone of 4 modules. */
export function qrSvg(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const side = size + 2 * quiet;
  let path = '';
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (qr.modules.get(r, c)) path += `M${c + quiet} ${r + quiet}h1v1h-1z`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
