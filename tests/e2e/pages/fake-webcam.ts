// A Chromium whose webcam is a .y4m video made in the test from a rendered
// QR (tests/support/qr-frames.ts): launched by the spec itself, because the
// video file is a launch flag.
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../support/chromium';
import { FRAME_KINDS, renderQrFrame, writeY4m, type Gray } from '../../support/qr-frames';

export type FrameKind = keyof typeof FRAME_KINDS;

export function writeCardVideo(dir: string, qr: string, kind: FrameKind): string {
  const file = join(dir, `card-${kind}.y4m`);
  // A few frames with different noise, like a real sensor; Chromium loops them.
  const frames = [1, 2, 3, 4].map((seed) =>
    renderQrFrame(qr, { width: 960, height: 720, qrPx: 600, ...FRAME_KINDS[kind], seed }),
  );
  writeY4m(file, frames, 10);
  return file;
}

export function launchWithFakeWebcam(videoFile: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_FLAGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  });
}

/** A webcam looking at an empty desk: no QR anywhere. */
export function writeEmptyVideo(dir: string): string {
  const file = join(dir, 'empty-desk.y4m');
  const frame: Gray = { width: 640, height: 480, data: new Uint8Array(640 * 480).fill(110) };
  writeY4m(file, [frame, frame], 10);
  return file;
}

/** A webcam looking at a patient: a face-like dark oval on a lighter wall, for the photo tests. */
export function writeFaceVideo(dir: string): string {
  const file = join(dir, 'face.y4m');
  const width = 640;
  const height = 480;
  const data = new Uint8Array(width * height).fill(190);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - width / 2) / 90;
      const dy = (y - height / 2.4) / 120;
      if (dx * dx + dy * dy < 1) data[y * width + x] = 70 + ((x * 7 + y * 3) % 40);
    }
  }
  const frame: Gray = { width, height, data };
  writeY4m(file, [frame, frame], 10);
  return file;
}
