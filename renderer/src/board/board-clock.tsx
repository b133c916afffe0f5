// The board's clock: the counter's time, not the TV's (a board machine's
// clock is set by nobody), in the hospital's time zone, not the machine's.
// The core's time comes with every read of the board's feed; between reads
// the machine's clock only counts the seconds since.
import { useEffect, useState } from 'react';
import { useServerSkew } from '../hooks/use-server-skew';
import { timeText } from '../lib/dates';

const TICK_MS = 5_000;

export function BoardClock({ serverTime, timeZone }: { serverTime: string | undefined; timeZone: string | undefined }) {
  const skewMs = useServerSkew(serverTime);
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNowMs(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <time className="board-clock" data-testid="board-clock">
      {timeText(new Date(nowMs + skewMs).toISOString(), timeZone)}
    </time>
  );
}
