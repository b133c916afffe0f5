// The names a patient is given before anyone knows theirs, in both scripts:
// an unknown patient at Casualty ("Unknown Male 35 — … — B-001" and
// "अज्ञात पुरुष 35 — … — B-001") and a newborn ("Baby of Sunita Devi" and
// "सुनीता देवी का शिशु"). Each script's name is made only of words in that
// script, so neither a Hindi slip nor an English one prints the other's words
// ("Baby of सुनीता देवी" was both). Shared by the core, which stores them, and
// the newborn dialog, which shows the name it will give.

export type TemporaryGender = 'male' | 'female' | 'other';

export interface NamesInBothScripts {
  /** The patient's name: in the script of the name it comes from. */
  name: string;
  /** The same in the other script, when it can be written there. */
  nameOtherScript: string | null;
}

const UNKNOWN = {
  latin: { male: 'Unknown Male', female: 'Unknown Female', other: 'Unknown Person' },
  devanagari: { male: 'अज्ञात पुरुष', female: 'अज्ञात महिला', other: 'अज्ञात व्यक्ति' },
} as const;

export const isDevanagari = (s: string) => /[\u0900-\u097F]/.test(s);

/** "Unknown Male 35 — <when> — B-003": unique (the token label), and says what the casualty staff saw. */
export function unknownPatientNames(gender: TemporaryGender, ageYears: number, when: string, label: string): NamesInBothScripts {
  const tail = `${ageYears} — ${when} — ${label}`;
  return { name: `${UNKNOWN.latin[gender]} ${tail}`, nameOtherScript: `${UNKNOWN.devanagari[gender]} ${tail}` };
}

/**
 * A newborn's names from the mother's: "Baby of <her Latin name>" and "<her Devanagari name> का शिशु",
 * each only where she has a name in that script; the baby's first name is in the script of hers.
 */
export function newbornNames(mother: { name: string; nameOtherScript: string | null }): NamesInBothScripts {
  const hers = [mother.name, mother.nameOtherScript ?? ''].filter((n) => n.trim() !== '');
  const latin = hers.find((n) => !isDevanagari(n));
  const devanagari = hers.find(isDevanagari);
  const english = latin ? `Baby of ${latin}` : null;
  const hindi = devanagari ? `${devanagari} का शिशु` : null;
  const [first, second] = isDevanagari(mother.name) ? [hindi, english] : [english, hindi];
  return { name: first ?? `Baby of ${mother.name}`, nameOtherScript: second };
}

/** Whether a name is one newbornNames made ("Baby of …", "… का शिशु"). */
export const isNewbornTemporaryName = (name: string) => /^Baby of |का शिशु$/.test(name);
