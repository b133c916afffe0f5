// The camera scanner is loaded when first opened: @zxing/browser brings all
// of @zxing/library with it, which the counter screen does not need to start.
import { lazy, Suspense, type ComponentProps } from 'react';

const CameraScannerImpl = lazy(() => import('./camera-scanner').then((m) => ({ default: m.CameraScanner })));

export function CameraScanner(props: ComponentProps<typeof CameraScannerImpl>) {
  return (
    <Suspense fallback={null}>
      <CameraScannerImpl {...props} />
    </Suspense>
  );
}
