// How fees read on screen, in either language. Amounts come as integer paise
// (preload/contract/money.ts formats them the same way the slips do).
import type { TFunction } from 'i18next';
import type { Exemption, TokenFee } from '../../../preload/contract/methods/fee-schemas';
import type { Token } from '../../../preload/contract';
import type { Language } from '../i18n';

/** A fee category's name: the exemption's own (kept by the supervisor), or General. */
export function categoryName(
  code: string,
  language: Language,
  t: TFunction,
  exemptions: readonly Pick<Exemption, 'code' | 'nameEn' | 'nameHi'>[] = [],
): string {
  if (code === 'general') return t('fee.general');
  const e = exemptions.find((x) => x.code === code);
  return e ? (language === 'hi' ? e.nameHi : e.nameEn) : code;
}

/** The category on an issued token: its fee record names it. */
export function feeCategoryName(token: Pick<Token, 'feeCategory' | 'fee'>, language: Language, t: TFunction): string {
  const fee: TokenFee | undefined = token.fee;
  if (fee) return language === 'hi' ? fee.categoryNameHi : fee.categoryNameEn;
  return categoryName(token.feeCategory, language, t);
}
