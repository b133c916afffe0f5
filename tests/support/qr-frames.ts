// Camera-like frames of a QR code, made in the test (no image files): a card
// on a grey desk, optionally rotated, blurred, noisy or washed out. Used by
// the fake-webcam end-to-end tests (as .y4m video) and the decoder bench.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { SHC_PREFIX, shcQrSegments } from '../../main/cards/shc-numeric';
import { rng } from '../bench/synthetic-patients';

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface FrameOptions {
  width: number;
  height: number;
  /** Side of the QR (with its quiet zone) in pixels. */
  qrPx: number;
  angleDeg?: number;
  /** Standard deviation of Gaussian pixel noise. */
  noise?: number;
  /** Grey levels of dark and light modules (low contrast: close together). */
  dark?: number;
  light?: number;
  /** Box-blur radius in pixels (out of focus). */
  blur?: number;
  seed?: number;
}

export const FRAME_KINDS: Record<string, Omit<FrameOptions, 'width' | 'height' | 'qrPx'>> = {
  clean: {},
  rotated: { angleDeg: 23 },
  noisy: { noise: 38 },
  'noisy-rotated': { angleDeg: -17, noise: 38 },
  'low-contrast': { dark: 105, light: 160 },
  blurred: { blur: 2 },
};

function qrModules(text: string): { size: number; dark: (r: number, c: number) => boolean } {
  const segments = text.startsWith(SHC_PREFIX) ? shcQrSegments(text) : [{ data: text }];
  const qr = QRCode.create(segments, { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, dark: (r, c) => Boolean(qr.modules.get(r, c)) };
}

function boxBlur(src: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const tmp = new Float32Array(src.length);
  const out = new Uint8Array(src.length);
  const n = 2 * radius + 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += src[y * width + Math.min(width - 1, Math.max(0, x + k))]!;
      tmp[y * width + x] = sum / n;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = Math.round(sum / n);
    }
  }
  return out;
}

export function renderQrFrame(text: string, options: FrameOptions): Gray {
  const { width, height, qrPx } = options;
  const { size, dark } = qrModules(text);
  const quiet = 4;
  const modulePx = qrPx / (size + 2 * quiet);
  const angle = ((options.angleDeg ?? 0) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const darkLevel = options.dark ?? 20;
  const lightLevel = options.light ?? 235;
  const desk = Math.round((darkLevel + lightLevel) / 2) - 30;
  const cardHalf = qrPx / 2 + modulePx * 3;
  let data: Uint8Array = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse rotation: where on the upright card this pixel looks.
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const u = cos * dx + sin * dy;
      const v = -sin * dx + cos * dy;
      let level = desk;
      if (Math.abs(u) <= cardHalf && Math.abs(v) <= cardHalf) {
        level = lightLevel;
        const c = Math.floor((u + qrPx / 2) / modulePx) - quiet;
        const r = Math.floor((v + qrPx / 2) / modulePx) - quiet;
        if (r >= 0 && c >= 0 && r < size && c < size && dark(r, c)) level = darkLevel;
      }
      data[y * width + x] = level;
    }
  }
  if (options.blur) data = boxBlur(data, width, height, options.blur);
  if (options.noise) {
    const random = rng(options.seed ?? 1);
    for (let i = 0; i < data.length; i++) {
      // Box-Muller: Gaussian noise like a cheap webcam sensor's.
      const g = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
      data[i] = Math.max(0, Math.min(255, Math.round(data[i]! + g * options.noise)));
    }
  }
  return { width, height, data };
}

/**
 * A Y4M (YUV4MPEG2, 4:2:0) video of the frames, which Chromium plays as a
 * fake webcam with --use-file-for-fake-video-capture. Grey: U and V are 128.
 */
export function writeY4m(file: string, frames: Gray[], fps = 10): void {
  const { width, height } = frames[0]!;
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'latin1')];
  for (const frame of frames) parts.push(Buffer.from('FRAME\n', 'latin1'), Buffer.from(frame.data), chroma, chroma);
  writeFileSync(file, Buffer.concat(parts));
}

/** RGBA pixels of a grey frame, as a canvas's ImageData holds them. */
export function toRgba(frame: Gray): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(frame.width * frame.height * 4);
  for (let i = 0; i < frame.data.length; i++) {
    const g = frame.data[i]!;
    rgba[i * 4] = g;
    rgba[i * 4 + 1] = g;
    rgba[i * 4 + 2] = g;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
