// A medico-legal case on the token slip: the casualty token of an
// unknown patient brought by the police, printed on a loopback TCP printer
// and read back from the ESC/POS bytes.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../support/escpos-decoder';
import { differingPixels, referenceRaster } from '../support/reference-raster';
import { wrapForRaster } from '../../main/printing/text-raster';
import { FAST_PRINTING, printerPool, startPrintingCore } from '../support/printing-fixture';
import type { TestCore } from '../support/temp-core';

let t: TestCore | undefined;
const printers = printerPool();
afterEach(async () => {
  t?.dispose();
  t = undefined;
  await printers.stopAll();
});

describe('MLC on the slip', () => {
  it('prints MEDICO-LEGAL CASE inverted, with MLC number, police station, brought by and time; a reprint after a correction too', async () => {
    t = startPrintingCore(FAST_PRINTING, { hospitalCode: 'LNH' });
    const p = await printers.start();
    await t.call('printers.saveSettings', {
      type: 'epson',
      paperWidth: 80,
      interface: p.uri,
      fallbackInterface: null,
      characterSet: 'PC437_USA',
      statusQuery: 'gs_r',
      footer: null,
    });
    const { patient, token } = await t.call('patients.registerEmergency', {
      gender: 'male',
      ageYears: 35,
      broughtBy: 'Police',
      mlc: { number: 'MLC/2026/0417', policeStation: 'PS Kotwali', broughtBy: 'Constable Suresh Yadav' },
    });
    await p.waitForJobs(1);
    const slip = decodeEscPos(p.jobs[0]!);
    expect(slip.lines.find((l) => l.text === 'MEDICO-LEGAL CASE')).toMatchObject({ inverse: true, bold: true, align: 'center' });
    expect(slip.texts.find((l) => l.startsWith('MLC No.'))).toMatch(/MLC\/2026\/0417$/);
    expect(slip.texts.find((l) => l.startsWith('Police stn'))).toMatch(/PS Kotwali$/);
    expect(slip.texts.find((l) => l.startsWith('Brought by'))).toMatch(/Constable Suresh Yadav$/);
    expect(slip.texts.find((l) => l.startsWith('MLC time'))).toMatch(/25-11-2026 10:00$/);
    expect(slip.texts).toEqual(expect.arrayContaining([token.label, 'Casualty / Emergency']));
    // The temporary name has dashes the printer's font lacks: drawn as a raster, pixel for pixel.
    const lines = wrapForRaster(patient.name, 'tall', 576).map((line) => referenceRaster(line, 576, 'tall', 'left', true));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(slip.images.some((img) => differingPixels(img, line) === 0)).toBe(true);
    expect(slip.texts.find((l) => l.startsWith('Priority'))).toMatch(/Emergency$/);

    // Corrected later, the reprint says the corrected number.
    await t.call('tokens.setMlc', {
      tokenId: token.id,
      mlc: { number: 'MLC/2026/0418', policeStation: 'PS Kotwali', broughtBy: 'HC Ramesh' },
    });
    await t.call('print.reprint', { tokenId: token.id });
    await p.waitForJobs(2);
    const again = decodeEscPos(p.jobs[1]!);
    expect(again.texts.find((l) => l.startsWith('MLC No.'))).toMatch(/MLC\/2026\/0418$/);
    expect(again.texts).toContain('DUPLICATE');
  });

  it('prints no MLC lines on an ordinary visit', async () => {
    t = startPrintingCore(FAST_PRINTING);
    const p = await printers.start();
    await t.call('printers.saveSettings', {
      type: 'epson',
      paperWidth: 58,
      interface: p.uri,
      fallbackInterface: null,
      characterSet: 'PC437_USA',
      statusQuery: 'gs_r',
      footer: null,
    });
    const ram = await t.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45 });
    await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    await p.waitForJobs(1);
    expect(decodeEscPos(p.jobs[0]!).texts.join('\n')).not.toMatch(/MEDICO-LEGAL|MLC/);
  });
});
