// The way into money and numbers, on the strip under the header
// beside the printer (the header is full at an administrator's counter): the
// cash drawer for every clerk, fees settings for a supervisor, and the
// reports screen (loaded only when opened). Each has a key, shown on its
// button, read by the key's place (lib/key-place.ts): Alt+C cash, Alt+S fees
// (शुल्क), Alt+R reports. Not F-keys: a browser keeps F1, F3, F5-F7 and F10-F12
// for itself, and Alt+F and Alt+D too.
import { useState } from 'react';
import type { Department } from '../../../preload/contract';
import { useDesk } from '../auth/desk-context';
import { useMayCall } from '../auth/use-may-call';
import { useKeyHandler } from '../hooks/use-key-handler';
import { keyLetter } from '../lib/key-place';
import { ReportsScreen } from '../reports/lazy-reports';
import { CashDialog } from './cash-dialog';
import { FeeSettingsDialog } from './fee-settings-dialog';
import './money.css';
import { useMoneyT } from './use-money-t';

interface Props {
  today: string | null;
  timeZone: string | undefined;
  departments: Department[];
}

type Screen = 'cash' | 'fees' | 'reports';

/** Each screen's key with Alt. */
const MONEY_KEYS: Record<Screen, string> = { cash: 'C', fees: 'S', reports: 'R' };

export function MoneyControls({ today, timeZone, departments }: Props) {
  const tm = useMoneyT();
  const locked = useDesk()?.session.locked ?? false;
  const allowed: Record<Screen, boolean> = {
    cash: useMayCall('cash.current'),
    fees: useMayCall('fees.saveSchedule'),
    reports: useMayCall('reports.census') && today !== null,
  };
  const [open, setOpen] = useState<Screen | null>(null);
  const close = () => setOpen(null);

  useKeyHandler((e) => {
    if (e.defaultPrevented || !e.altKey || e.ctrlKey || e.metaKey || open) return;
    const letter = keyLetter(e);
    const screen = (Object.keys(MONEY_KEYS) as Screen[]).find((s) => MONEY_KEYS[s] === letter && allowed[s]);
    if (!screen) return;
    e.preventDefault();
    setOpen(screen);
  }, !locked);

  const button = (screen: Screen) =>
    allowed[screen] && (
      <button
        type="button"
        className="secondary small"
        data-testid={`${screen}-open`}
        aria-keyshortcuts={`Alt+${MONEY_KEYS[screen]}`}
        onClick={() => setOpen(screen)}
      >
        {tm(`header.${screen}`)} <kbd>Alt+{MONEY_KEYS[screen]}</kbd>
      </button>
    );

  return (
    <div className="money-controls">
      {button('cash')}
      {button('fees')}
      {button('reports')}
      {open === 'cash' && <CashDialog onClose={close} timeZone={timeZone} />}
      {open === 'fees' && <FeeSettingsDialog departments={departments} onClose={close} />}
      {open === 'reports' && today && <ReportsScreen today={today} onClose={close} />}
    </div>
  );
}
