// A small real JPEG (a face-shaped blob), made with the canvas the slips use:
// what the photo tests send as the webcam's crop.
import { createCanvas } from '@napi-rs/canvas';

export function tinyJpeg(width = 64, height = 80): string {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#c96';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#333';
  ctx.beginPath();
  ctx.arc(width / 2, height * 0.38, width * 0.22, 0, Math.PI * 2);
  ctx.fill();
  return canvas.toBuffer('image/jpeg', 70).toString('base64');
}

/**
 * A webcam-sized (192 × 240) JPEG of seeded noise, which compresses badly:
 * the higher the quality, the bigger, from about 13 KB (30) to 37 KB (90).
 */
export function noisyJpeg(quality: number): Buffer {
  const canvas = createCanvas(192, 240);
  const ctx = canvas.getContext('2d');
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const level = () => Math.floor(random() * 256);
  for (let y = 0; y < 240; y += 2) {
    for (let x = 0; x < 192; x += 2) {
      ctx.fillStyle = `rgb(${level()},${level()},${level()})`;
      ctx.fillRect(x, y, 2, 2);
    }
  }
  return canvas.toBuffer('image/jpeg', quality);
}
