// The money namespace's translations (renderer/src/i18n/money-*.json), with
// keys checked against the English file by a type of our own: i18next's typed
// keys for a second namespace were too deep for TypeScript.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type moneyEn from '../i18n/money-en.json';

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the money namespace, e.g. 'cash.short'. */
export type MoneyKey = Paths<typeof moneyEn>;

export type MoneyT = (key: MoneyKey, options?: Record<string, string | number>) => string;

/** A t() for the money namespace in the language shown now (useTranslation re-renders on a switch). */
export function useMoneyT(): MoneyT {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const fixed = i18n.getFixedT.bind(i18n) as unknown as (lng: string, ns: string) => MoneyT;
    return fixed(language, 'money');
  }, [i18n, language]);
}
