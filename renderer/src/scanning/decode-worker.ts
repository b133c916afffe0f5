// Decodes QR codes in camera frames off the UI thread with zxing-wasm (ZXing
// C++; docs/design.md §4). Its .wasm is bundled with the app and loaded from our
// own origin: the package's default loader would fetch it from a CDN, which
// neither the CSP nor an offline counter allows.
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

void prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path,
  },
  fireImmediately: true,
});

const OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 1,
};

export interface DecodeRequest {
  id: number;
  image: ImageData;
}
export type DecodeReply = { id: number; text: string | null; ms: number } | { id: number; error: string };

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, image } = event.data;
  const started = performance.now();
  try {
    const results = await readBarcodes(image, OPTIONS);
    const found = results.find((r) => r.isValid && r.text);
    self.postMessage({ id, text: found?.text ?? null, ms: performance.now() - started } satisfies DecodeReply);
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies DecodeReply);
  }
};
