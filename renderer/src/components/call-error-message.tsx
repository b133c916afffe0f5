// A failed call, shown in the panel that made it, once and in the clerk's
// language: worded by its reason when the core gave one, else by its code.
// The core's own message (English, exact) stays out of sight in data-message,
// for whoever is called to help.
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { isNetworkFailure } from '../api/counter-client';
import { useRefusalWords } from '../i18n/use-refusal-words';

interface Props {
  error: CallError;
  /** What did not happen, e.g. "The token was not issued." */
  title?: string;
  testId?: string;
}

export function CallErrorMessage({ error, title, testId }: Props) {
  const { t } = useTranslation();
  const words = useRefusalWords();
  const meaning = isNetworkFailure(error) ? t('errors.network') : error.reason ? words(error) : t(`errors.${error.code}`);
  return (
    <div className="call-error" role="alert" data-testid={testId} data-code={error.code} data-message={error.message}>
      {title && <strong>{title} </strong>}
      <span>{meaning}</span>
    </div>
  );
}
