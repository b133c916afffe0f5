// The counter screen's header and the strips under it: who and when, the
// settings menu, money, the printer, backups and sync. Drawn apart from the
// work below it: a key typed in the search box renders none of this.
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

interface Props {
  info: CounterInfo | null;
  infoError: CallError | null;
  departments: Department[];
  language: Language;
}

export const CounterChrome = memo(function CounterChrome({ info, infoError, departments, language }: Props) {
  const { i18n } = useTranslation();
  return (
    <>
      <AppHeader
        info={info}
        error={infoError}
        language={language}
        onToggleLanguage={() => void i18n.changeLanguage(language === 'en' ? 'hi' : 'en')}
      >
        <ToolsMenu timeZone={info?.timeZone} />
        <DeskControls />
      </AppHeader>
      <CounterStatusBanner info={info} />
      <OpsStatusBar timeZone={info?.timeZone} />
      <div className="tool-strip">
        <MoneyControls today={info?.today ?? null} timeZone={info?.timeZone} departments={departments} />
        <PrintingBar />
      </div>
      <SyncIndicator />
    </>
  );
});
