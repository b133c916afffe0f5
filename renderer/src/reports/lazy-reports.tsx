// The reports screen is loaded when first opened: Chart.js and the report
// views are a chunk of their own, not part of what every counter loads.
import { lazy, Suspense, type ComponentProps } from 'react';

const ReportsImpl = lazy(() => import('./reports-screen'));

export function ReportsScreen(props: ComponentProps<typeof ReportsImpl>) {
  return (
    <Suspense fallback={null}>
      <ReportsImpl {...props} />
    </Suspense>
  );
}
