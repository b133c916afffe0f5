// A new counter's first screen: who the counter is (prefilled and fixed where
// its start-up configuration already says) and its administrator account.
import { useTranslation } from 'react-i18next';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterQuery } from '../hooks/use-counter-query';
import { CredentialsForm, type Credentials } from './credentials-form';
import type { DeskAuth } from './use-desk-auth';

export function FirstRun({ setup }: { setup: DeskAuth['setup'] }) {
  const { t } = useTranslation();
  const info = useCounterQuery('counter.info', {});
  if (info.loading) return <p className="hint">{t('app.loading')}</p>;
  return (
    <>
      {info.error && <CallErrorMessage error={info.error} title={t('app.infoFailed')} testId="setup-info-error" />}
      <CredentialsForm mode="setup" counter={info.data ?? undefined} submit={(values: Credentials) => setup(values)} />
    </>
  );
}
