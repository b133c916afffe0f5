// Date and time as the clerk reads them, in the hospital's time zone.
import { localeOf, type Language } from '../i18n';

export function dateTimeText(iso: string | null, lang: Language, timeZone: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  };
  try {
    return new Intl.DateTimeFormat(localeOf(lang), { ...options, timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(localeOf(lang), options).format(d);
  }
}
