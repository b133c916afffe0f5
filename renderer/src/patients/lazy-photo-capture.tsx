// Loaded when first opened: @zxing/browser's camera handling is not needed to start the counter.
import { lazy, Suspense, type ComponentProps } from 'react';

const PhotoCaptureImpl = lazy(() => import('./photo-capture').then((m) => ({ default: m.PhotoCapture })));

export function PhotoCapture(props: ComponentProps<typeof PhotoCaptureImpl>) {
  return (
    <Suspense fallback={null}>
      <PhotoCaptureImpl {...props} />
    </Suspense>
  );
}
