// The words the hall board says, in Hindi and English: one list for the
// announcement it composes (announcement.ts) and for the script that records
// the bundled clips (scripts/make-announcement-clips.ts), so a clip exists for
// every word the board can ask for. Pure data: imported by the renderer and by
// Node alike.

export const SPEECH_LANGUAGES = ['hi', 'en'] as const;
export type SpeechLanguage = (typeof SPEECH_LANGUAGES)[number];

/** Hindi has its own word for every number from 0 to 100. */
export const HINDI_NUMBERS: readonly string[] = [
  'शून्य', 'एक', 'दो', 'तीन', 'चार', 'पाँच', 'छह', 'सात', 'आठ', 'नौ',
  'दस', 'ग्यारह', 'बारह', 'तेरह', 'चौदह', 'पंद्रह', 'सोलह', 'सत्रह', 'अठारह', 'उन्नीस',
  'बीस', 'इक्कीस', 'बाईस', 'तेईस', 'चौबीस', 'पच्चीस', 'छब्बीस', 'सत्ताईस', 'अट्ठाईस', 'उनतीस',
  'तीस', 'इकतीस', 'बत्तीस', 'तैंतीस', 'चौंतीस', 'पैंतीस', 'छत्तीस', 'सैंतीस', 'अड़तीस', 'उनतालीस',
  'चालीस', 'इकतालीस', 'बयालीस', 'तैंतालीस', 'चवालीस', 'पैंतालीस', 'छियालीस', 'सैंतालीस', 'अड़तालीस', 'उनचास',
  'पचास', 'इक्यावन', 'बावन', 'तिरपन', 'चौवन', 'पचपन', 'छप्पन', 'सत्तावन', 'अट्ठावन', 'उनसठ',
  'साठ', 'इकसठ', 'बासठ', 'तिरसठ', 'चौंसठ', 'पैंसठ', 'छियासठ', 'सड़सठ', 'अड़सठ', 'उनहत्तर',
  'सत्तर', 'इकहत्तर', 'बहत्तर', 'तिहत्तर', 'चौहत्तर', 'पचहत्तर', 'छिहत्तर', 'सतहत्तर', 'अठहत्तर', 'उन्यासी',
  'अस्सी', 'इक्यासी', 'बयासी', 'तिरासी', 'चौरासी', 'पचासी', 'छियासी', 'सत्तासी', 'अट्ठासी', 'नवासी',
  'नब्बे', 'इक्यानवे', 'बानवे', 'तिरानवे', 'चौरानवे', 'पंचानवे', 'छियानवे', 'सत्तानवे', 'अट्ठानवे', 'निन्यानवे',
  'सौ',
]; // prettier-ignore

const ENGLISH_UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
]; // prettier-ignore
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English letter names as a Hindi speaker writes and says them on a token: "बी", "एफ़". */
export const HINDI_LETTERS: Readonly<Record<string, string>> = {
  A: 'ए', B: 'बी', C: 'सी', D: 'डी', E: 'ई', F: 'एफ़', G: 'जी', H: 'एच', I: 'आई', J: 'जे', K: 'के', L: 'एल', M: 'एम',
  N: 'एन', O: 'ओ', P: 'पी', Q: 'क्यू', R: 'आर', S: 'एस', T: 'टी', U: 'यू', V: 'वी', W: 'डब्ल्यू', X: 'एक्स', Y: 'वाई', Z: 'ज़ेड',
}; // prettier-ignore

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/**
 * Every clip of a language: key → the exact text recorded. Keys: `token`,
 * `room`, `letter.A`…`letter.Z`, `n.<number>` (Hindi 0-100; English 0-19,
 * the tens and 100 for "hundred").
 */
export function clipTexts(language: SpeechLanguage): Record<string, string> {
  const texts: Record<string, string> = {};
  if (language === 'hi') {
    texts.token = 'टोकन';
    texts.room = 'कमरा';
    for (const letter of ALPHABET) texts[`letter.${letter}`] = HINDI_LETTERS[letter]!;
    HINDI_NUMBERS.forEach((word, n) => (texts[`n.${n}`] = word));
  } else {
    texts.token = 'token';
    texts.room = 'room';
    // Spelt as letter names: a bare "A" would be read as the article.
    for (const letter of ALPHABET) texts[`letter.${letter}`] = letter;
    ENGLISH_UNITS.forEach((word, n) => (texts[`n.${n}`] = word));
    ENGLISH_TENS.forEach((word, tens) => {
      if (word) texts[`n.${tens * 10}`] = word;
    });
    texts['n.100'] = 'hundred';
  }
  return texts;
}

/** The words of a number from 0 to 999, as clip keys (Hindi: "एक सौ एक"; English: "one hundred one"). */
export function numberClips(n: number, language: SpeechLanguage): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`no words for ${n}`);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds > 0 ? [`n.${hundreds}`, 'n.100'] : [];
  if (hundreds > 0 && rest === 0) return head;
  if (language === 'hi' || rest < 20) return [...head, `n.${rest}`];
  const tens = Math.floor(rest / 10) * 10;
  return [...head, `n.${tens}`, ...(rest % 10 ? [`n.${rest % 10}`] : [])];
}
