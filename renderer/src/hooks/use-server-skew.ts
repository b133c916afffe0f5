// How far the counter's clock is from this machine's, from the core's time
// that comes with an answer (`serverTime`): a room screen's minutes and a
// board's clock go by the counter's time, not the machine's, which nobody sets.
import { useEffect, useState } from 'react';

/** The counter's time minus this machine's, in ms (0 until the first answer). */
export function useServerSkew(serverTime: string | undefined): number {
  const [skewMs, setSkewMs] = useState(0);
  // Measured when an answer arrives (in a task, not during the render that shows it).
  useEffect(() => {
    if (!serverTime) return;
    const timer = window.setTimeout(() => setSkewMs(Date.parse(serverTime) - Date.now()), 0);
    return () => window.clearTimeout(timer);
  }, [serverTime]);
  return skewMs;
}
