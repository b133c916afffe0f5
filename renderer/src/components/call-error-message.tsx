// A failed call, shown in the panel that made it. The translated line says
// what it means for the clerk; the core's own message (English) says exactly
// what happened, for whoever they call for help.
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { isNetworkFailure } from '../api/counter-client';

interface Props {
  error: CallError;
  /** What did not happen, e.g. "The token was not issued." */
  title?: string;
  testId?: string;
}

export function CallErrorMessage({ error, title, testId }: Props) {
  const { t } = useTranslation();
  const meaning = isNetworkFailure(error) ? t('errors.network') : t(`errors.${error.code}`);
  return (
    <div className="call-error" role="alert" data-testid={testId} data-code={error.code}>
      {title && <strong>{title} </strong>}
      <span>{meaning}</span>
      {error.message && (
        <span className="server-message" lang="en">
          {error.message}
        </span>
      )}
    </div>
  );
}
