// The counter screen's frame: the header (who and when, the settings menu)
// and the status line at the foot (the counter's letter, backups, money, sync,
// the printer). Drawn apart from the work between them: a key typed in the
// search box renders none of this, and the status line never pushes the work down.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CounterInfo, Department } from '../../../preload/contract';
import { DeskControls } from '../auth/desk-controls';
import { AppHeader } from '../components/app-header';
import { ToolsMenu } from '../components/tools-menu';
import type { Language } from '../i18n';
import { MoneyControls } from '../money/money-controls';
import { OpsStatusBar } from '../ops/ops-status-bar';
import { PrintingBar } from '../printing/printing-bar';
import { SyncIndicator } from '../sync/sync-indicator';
import { CounterStatusBanner } from './counter-status-banner';

interface HeaderProps {
  info: CounterInfo | null;
  infoError: CallError | null;
  language: Language;
}

export const CounterHeader = memo(function CounterHeader({ info, infoError, language }: HeaderProps) {
  const { i18n } = useTranslation();
  return (
    <AppHeader
      info={info}
      error={infoError}
      language={language}
      onToggleLanguage={() => void i18n.changeLanguage(language === 'en' ? 'hi' : 'en')}
    >
      <ToolsMenu timeZone={info?.timeZone} />
      <DeskControls />
    </AppHeader>
  );
});

interface StatusLineProps {
  info: CounterInfo | null;
  departments: Department[];
}

export const CounterStatusLine = memo(function CounterStatusLine({ info, departments }: StatusLineProps) {
  return (
    <footer className="status-line" data-testid="status-line">
      <CounterStatusBanner info={info} />
      <OpsStatusBar timeZone={info?.timeZone} />
      <MoneyControls today={info?.today ?? null} timeZone={info?.timeZone} departments={departments} />
      <SyncIndicator timeZone={info?.timeZone} />
      <PrintingBar />
    </footer>
  );
});
