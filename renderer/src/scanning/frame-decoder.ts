// The UI thread's side of the decode worker: one frame in flight at a time
// (a slow frame is skipped, never queued), so the camera preview stays smooth.
import type { DecodeReply } from './decode-worker';

export interface FrameDecoder {
  /** Resolves with the QR text, or null when this frame holds none (or another frame is still decoding). */
  decode(image: ImageData): Promise<string | null>;
  close(): void;
}

export function createFrameDecoder(): FrameDecoder {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let busy = false;
  const waiting = new Map<number, (text: string | null) => void>();
  worker.onmessage = (event: MessageEvent<DecodeReply>) => {
    busy = false;
    const reply = event.data;
    const resolve = waiting.get(reply.id);
    waiting.delete(reply.id);
    resolve?.('text' in reply ? reply.text : null);
  };
  return {
    decode(image) {
      if (busy) return Promise.resolve(null);
      busy = true;
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, image }, [image.data.buffer]);
      });
    },
    close() {
      worker.terminate();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}
