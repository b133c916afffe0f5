// A refusal from the core in the clerk's language: its reason
// (preload/contract/reasons.ts) looked up in the reasons namespace
// (reasons-en.json, reasons-hi.json). The core's English message is for logs
// and is never put on the screen.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isReason, type ReasonParams } from '../../../preload/contract/reasons';

export interface Refusal {
  reason?: string | undefined;
  params?: ReasonParams | undefined;
}

export type RefusalWords = (refusal: Refusal) => string;

export function useRefusalWords(): RefusalWords {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const fixed = i18n.getFixedT.bind(i18n) as unknown as (
      lng: string,
      ns: string,
    ) => (key: string, options?: ReasonParams) => string;
    const t = fixed(language, 'reasons');
    // A reason from a newer core than this screen knows is still a refusal: said in general words.
    return (refusal: Refusal) => t(isReason(refusal.reason) ? refusal.reason : 'invalid', refusal.params);
  }, [i18n, language]);
}
