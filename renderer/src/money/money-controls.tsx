// The way into money and numbers (issue 12), on the strip under the header
// beside the printer (the header is full at an administrator's counter): the
// cash drawer for every clerk, fees settings for a supervisor, and the
// reports screen (loaded only when opened).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../preload/contract';
import { useMayCall } from '../auth/use-may-call';
import { ReportsScreen } from '../reports/lazy-reports';
import { CashDialog } from './cash-dialog';
import { FeeSettingsDialog } from './fee-settings-dialog';
import './money.css';

interface Props {
  today: string | null;
  timeZone: string | undefined;
  departments: Department[];
}

export function MoneyControls({ today, timeZone, departments }: Props) {
  const { t } = useTranslation();
  const mayCash = useMayCall('cash.current');
  const mayFees = useMayCall('fees.saveSchedule');
  const mayReports = useMayCall('reports.census');
  const [open, setOpen] = useState<'cash' | 'fees' | 'reports' | null>(null);
  const close = () => setOpen(null);
  return (
    <div className="money-controls">
      {mayCash && (
        <button type="button" className="secondary small" data-testid="cash-open" onClick={() => setOpen('cash')}>
          {t('money.header.cash')}
        </button>
      )}
      {mayFees && (
        <button type="button" className="secondary small" data-testid="fees-open" onClick={() => setOpen('fees')}>
          {t('money.header.fees')}
        </button>
      )}
      {mayReports && today && (
        <button type="button" className="secondary small" data-testid="reports-open" onClick={() => setOpen('reports')}>
          {t('money.header.reports')}
        </button>
      )}
      {open === 'cash' && <CashDialog onClose={close} timeZone={timeZone} />}
      {open === 'fees' && <FeeSettingsDialog departments={departments} onClose={close} />}
      {open === 'reports' && today && <ReportsScreen today={today} onClose={close} />}
    </div>
  );
}
