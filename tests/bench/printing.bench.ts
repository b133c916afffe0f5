// Slip generation: layout + ESC/POS encoding (Hindi lines rasterised with the
// bundled font) per slip, for an English-only and a Hindi slip on 58 and 80 mm
// paper, EPSON and STAR. Budget: p99 under 50 ms for the Hindi slip.
// Also the kiosk's notice slip (heading + Hindi message raster) and the
// e-health card slip (Hindi name raster + the signed shc:/ QR, sized by
// qr-fit.ts), with the card QR's size: digits, QR version, correction, module.
import type { Token } from '../../preload/contract/records';
import { buildCardSlipLayout } from '../../main/printing/card-slip-layout';
import { signCompactCard } from '../../main/cards/compact-card';
import { buildNoticeLayout } from '../../main/printing/notice-slip-layout';
import { fitQr } from '../../main/printing/qr-fit';
import type { SlipLayout } from '../../preload/contract/methods/printing-methods';
import { HOLDER, makeIssuer, signedCard } from '../support/card-keys';
import { encodeSlip } from '../../main/printing/escpos-encoder';
import { buildSlipLayout } from '../../main/printing/slip-layout';
import { ensureSlipFont } from '../../main/printing/text-raster';
import type { BenchOptions, BenchReport } from './bench-runner';
import { measure, printTable, type Result } from './stats';

const RUNS = 300;
const HINDI_P99_BUDGET_MS = 50;

const TOKEN: Token = {
  id: '6f1c2b1e-3d4a-4c5b-8e9f-0a1b2c3d4e5f',
  label: 'B-117',
  number: 117,
  counterLetter: 'B',
  departmentCode: 'OBG',
  departmentNameEn: 'Obstetrics & Gynaecology',
  departmentNameHi: 'प्रसूति एवं स्त्री रोग',
  room: '115',
  visitDate: '2026-11-25',
  patientId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  patientName: 'x',
  patientUhid: 'LNH-B26-000173-4',
  priority: 'pregnant',
  visitType: 'new',
  feeCategory: 'delhi_arogya_kosh',
  status: 'issued',
  issuedAt: '2026-11-25T04:30:00.000Z',
  cancelledAt: null,
  cancelReason: null,
  transferredFromId: null,
  transferredToId: null,
  mlc: null,
  version: 1,
  queueAt: '2026-11-25T04:30:00.000Z',
  assignedRoom: null,
  callRoom: null,
  calledAt: null,
  firstCalledAt: null,
  callCount: 0,
};

function layout(script: 'english' | 'hindi', paperWidth: 58 | 80) {
  const hindi = script === 'hindi';
  return buildSlipLayout({
    token: hindi ? TOKEN : { ...TOKEN, departmentNameHi: 'Obstetrics' },
    patient: {
      name: hindi ? 'सुनीता कुमारी शर्मा' : 'Sunita Kumari Sharma',
      uhid: TOKEN.patientUhid,
      ageYears: 27,
      ageMonths: 0,
      gender: 'female',
    },
    hospitalName: 'Lok Nayak Hospital',
    timeZone: 'Asia/Kolkata',
    clerk: 'counter-window',
    paperWidth,
    footer: hindi ? 'हेल्पलाइन 1800-11-2233 · शुल्क ₹10' : 'Helpline 1800-11-2233',
    duplicate: false,
  });
}

const BASE = { hospitalName: 'Lok Nayak Hospital', timeZone: 'Asia/Kolkata', footer: null } as const;

function noticeLayout(paperWidth: 58 | 80): SlipLayout {
  return buildNoticeLayout({
    ...BASE,
    reason: 'unknown',
    scannedId: '91-5312-7746-2208',
    station: 'B',
    paperWidth,
    printedAt: new Date(),
  });
}

function cardLayout(qr: string, compactQr: string, paperWidth: 58 | 80): SlipLayout {
  return buildCardSlipLayout({
    ...BASE,
    patient: { name: 'सुनीता कुमारी शर्मा', uhid: HOLDER.uhid, ageYears: 42, ageMonths: 0, gender: 'female' },
    qr,
    compactQr,
    issuedAt: new Date('2026-11-20T05:00:00Z'),
    paperWidth,
  });
}

export async function run(_options: BenchOptions): Promise<BenchReport> {
  ensureSlipFont();
  const results: Result[] = [];
  const bytes: Record<string, number> = {};
  const missed: string[] = [];
  // A real signed card (ES256, zip DEF) for a holder with every identifier: the longest QR we issue.
  const issuer = await makeIssuer();
  const qr = await signedCard(issuer, { ...HOLDER, name: 'सुनीता कुमारी शर्मा' });
  const compactQr = await signCompactCard({ ...HOLDER, name: 'सुनीता कुमारी शर्मा' }, issuer);
  const qrSize: Record<string, unknown> = { digits: qr.length - 5 };
  for (const paperWidth of [58, 80] as const) {
    const fit = fitQr(qr, paperWidth === 58 ? 384 : 576);
    qrSize[`${paperWidth} mm`] = fit;
  }
  for (const type of ['epson', 'star'] as const) {
    for (const [kind, make] of [
      ['notice', (w: 58 | 80) => noticeLayout(w)],
      ['card', (w: 58 | 80) => cardLayout(qr, compactQr, w)],
    ] as const) {
      for (const paperWidth of [58, 80] as const) {
        const name = `${type} ${kind} ${paperWidth} mm`;
        const budget = type === 'epson' ? { p99Ms: HINDI_P99_BUDGET_MS } : undefined;
        const result = await measure(name, RUNS, () => encodeSlip(make(paperWidth), { type, characterSet: 'PC437_USA' }), budget);
        results.push(result);
        bytes[name] = (await encodeSlip(make(paperWidth), { type, characterSet: 'PC437_USA' })).length;
        if (result.budgetOk === false) missed.push(`${name} p99 ${result.p99Ms.toFixed(1)} ms ≥ ${HINDI_P99_BUDGET_MS} ms`);
      }
    }
  }
  for (const type of ['epson', 'star'] as const) {
    for (const script of ['english', 'hindi'] as const) {
      for (const paperWidth of [58, 80] as const) {
        const name = `${type} ${script} ${paperWidth} mm`;
        const budget = script === 'hindi' && type === 'epson' ? { p99Ms: HINDI_P99_BUDGET_MS } : undefined;
        const result = await measure(
          name,
          RUNS,
          () => encodeSlip(layout(script, paperWidth), { type, characterSet: 'PC437_USA' }),
          budget,
        );
        results.push(result);
        bytes[name] = (await encodeSlip(layout(script, paperWidth), { type, characterSet: 'PC437_USA' })).length;
        if (result.budgetOk === false) missed.push(`${name} p99 ${result.p99Ms.toFixed(1)} ms ≥ ${HINDI_P99_BUDGET_MS} ms`);
      }
    }
  }
  printTable(results);
  console.log('\nbytes per slip');
  for (const [name, n] of Object.entries(bytes)) console.log(`  ${name.padEnd(24)} ${n.toLocaleString('en-IN').padStart(7)}`);
  console.log(`\ncard QR: ${JSON.stringify(qrSize)}`);
  return { name: 'printing', data: { results, bytes, cardQr: qrSize }, missed };
}
