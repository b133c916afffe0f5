// The way into money and numbers (issue 12), on the strip under the header
// beside the printer (the header is full at an administrator's counter): the
// cash drawer for every clerk, fees settings for a supervisor, and the
// reports screen (loaded only when opened).
import { useState } from 'react';
import type { Department } from '../../../preload/contract';
import { useMayCall } from '../auth/use-may-call';
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

export function MoneyControls({ today, timeZone, departments }: Props) {
  const tm = useMoneyT();
  const mayCash = useMayCall('cash.current');
  const mayFees = useMayCall('fees.saveSchedule');
  const mayReports = useMayCall('reports.census');
  const [open, setOpen] = useState<'cash' | 'fees' | 'reports' | null>(null);
  const close = () => setOpen(null);
  return (
    <div className="money-controls">
      {mayCash && (
        <button type="button" className="secondary small" data-testid="cash-open" onClick={() => setOpen('cash')}>
          {tm('header.cash')}
        </button>
      )}
      {mayFees && (
        <button type="button" className="secondary small" data-testid="fees-open" onClick={() => setOpen('fees')}>
          {tm('header.fees')}
        </button>
      )}
      {mayReports && today && (
        <button type="button" className="secondary small" data-testid="reports-open" onClick={() => setOpen('reports')}>
          {tm('header.reports')}
        </button>
      )}
      {open === 'cash' && <CashDialog onClose={close} timeZone={timeZone} />}
      {open === 'fees' && <FeeSettingsDialog departments={departments} onClose={close} />}
      {open === 'reports' && today && <ReportsScreen today={today} onClose={close} />}
    </div>
  );
}
