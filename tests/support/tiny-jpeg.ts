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
