// Cards: (1) the two QR decoders on the same generated camera frames (clean,
// rotated, noisy, noisy and rotated, low contrast, blurred) in one run:
// decode rate and ms per frame for zxing-wasm (ZXing C++, what the webcam
// worker uses) and @zxing/library (pure JS); (2) scan text to patient found
// (cards.resolve through the validating registry) for each card kind with
// the full patient cache (1,000,000 by default). Budget: p99 < 50 ms.
import { readFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createCore } from '../../main/core/create-core';
import { formatUhid } from '../../main/patients/uhid';
import { FRAME_KINDS, renderQrFrame, toRgba, type Gray } from '../support/qr-frames';
import { makeIssuer, signedCard } from '../support/card-keys';
import { TEST_IDENTITY, tempDir } from '../support/temp-core';
import { rng, seedCache } from './synthetic-patients';
import type { BenchOptions, BenchReport } from './bench-runner';
import { measure, percentile, printTable, type Result } from './stats';

const FRAMES_PER_KIND = 8;
const SCAN_BUDGET_P99_MS = 50;

interface DecoderRow {
  decoder: string;
  kind: string;
  decoded: number;
  frames: number;
  p50Ms: number;
  p95Ms: number;
}

function jsDecode(frame: Gray): string | null {
  const source = new RGBLuminanceSource(new Uint8ClampedArray(frame.data), frame.width, frame.height);
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  try {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
  } catch {
    return null;
  }
}

async function wasmDecode(frame: Gray): Promise<string | null> {
  const image = { data: toRgba(frame), width: frame.width, height: frame.height, colorSpace: 'srgb' } as unknown as Parameters<
    typeof readBarcodes
  >[0];
  // The same options as renderer/src/scanning/decode-worker.ts.
  const results = await readBarcodes(image, {
    formats: ['QRCode'],
    tryHarder: true,
    tryRotate: true,
    tryInvert: true,
    tryDownscale: true,
    maxNumberOfSymbols: 1,
  });
  return results.find((r) => r.isValid)?.text ?? null;
}

async function decoderBench(qr: string): Promise<DecoderRow[]> {
  // In Node the .wasm is read from node_modules (in the app it is a bundled asset).
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } });
  await wasmDecode(renderQrFrame(qr, { width: 320, height: 240, qrPx: 200 })); // instantiate before timing
  const rows: DecoderRow[] = [];
  for (const [kind, options] of Object.entries(FRAME_KINDS)) {
    const frames = Array.from({ length: FRAMES_PER_KIND }, (_, i) =>
      // A webcam frame as the worker gets it (960 px wide), the card at varying distance, all of it in view.
      renderQrFrame(qr, { width: 960, height: 720, qrPx: 400 + (i % 4) * 40, ...options, seed: i + 1 }),
    );
    for (const [decoder, decode] of [
      ['zxing-wasm', wasmDecode],
      ['@zxing/library', (f: Gray) => Promise.resolve(jsDecode(f))],
    ] as const) {
      const times: number[] = [];
      let decoded = 0;
      for (const frame of frames) {
        const start = performance.now();
        const text = await decode(frame);
        times.push(performance.now() - start);
        if (text === qr) decoded++;
      }
      times.sort((a, b) => a - b);
      rows.push({ decoder, kind, decoded, frames: frames.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) });
    }
  }
  return rows;
}

function printDecoders(rows: DecoderRow[]): void {
  console.log('\nQR decoding, 960×720 frames (same frames for both decoders)');
  console.log(
    `${'frames'.padEnd(14)}  ${'decoder'.padEnd(15)}  ${'decoded'.padStart(8)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.kind.padEnd(14)}  ${r.decoder.padEnd(15)}  ${`${r.decoded}/${r.frames}`.padStart(8)}  ${r.p50Ms.toFixed(1).padStart(8)}  ${r.p95Ms.toFixed(1).padStart(8)}`,
    );
  }
  for (const decoder of ['zxing-wasm', '@zxing/library']) {
    const mine = rows.filter((r) => r.decoder === decoder);
    const rate = mine.reduce((s, r) => s + r.decoded, 0) / mine.reduce((s, r) => s + r.frames, 0);
    console.log(`${decoder}: ${(rate * 100).toFixed(0)}% of all frames decoded`);
  }
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  const dataDir = tempDir('hims-bench-cards-');
  const core = createCore({
    dataDir,
    shell: 'browser',
    settings: TEST_IDENTITY,
    log: console.error,
  });
  const ctx = { kind: 'trusted', actor: 'bench' } as const;
  const dispatch = async (method: string, input: unknown) => {
    const r = await core.registry.dispatch(method, input, ctx);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  try {
    const { sample } = seedCache(core.db, options.patients);

    const random = rng(11);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const cards: string[] = [];
    for (const p of sample.slice(0, 200)) cards.push(((await dispatch('cards.issue', { patientId: p.id })) as { qr: string }).qr);
    const withAbha = sample.filter((p) => p.abha);
    const abhaCards = withAbha.map((p) =>
      JSON.stringify({ hidn: p.abha, phr: 'someone@abdm', name: p.name, gender: 'M', dob: '1980' }),
    );
    const foreign = await signedCard(await makeIssuer('https://other-hospital.example/cards'));

    const results: Result[] = [];
    const budget = { p99Ms: SCAN_BUDGET_P99_MS };
    const resolve = (text: string) => dispatch('cards.resolve', { text, source: 'wedge' });
    results.push(await measure('scan → patient: UHID', 2000, () => resolve(formatUhid(pick(sample).uhid)), budget));
    results.push(await measure('scan → patient: ABHA number', 2000, () => resolve(pick(withAbha).abha!), budget));
    results.push(await measure('scan → patient: ABHA card QR (JSON)', 2000, () => resolve(pick(abhaCards)), budget));
    results.push(await measure('scan → patient: signed e-health card (verify ES256)', 2000, () => resolve(pick(cards)), budget));
    results.push(await measure('scan → card: unknown issuer (unverified)', 500, () => resolve(foreign), budget));
    printTable(results);

    const decoders = await decoderBench(cards[0]!);
    printDecoders(decoders);
    return {
      name: 'cards',
      data: { patients: options.patients, cardQrLength: cards[0]!.length, scan: results, decoders },
      missed: results
        .filter((r) => r.budgetOk === false)
        .map((r) => `${r.name} p99 ${r.p99Ms.toFixed(2)} ms ≥ ${SCAN_BUDGET_P99_MS} ms`),
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
