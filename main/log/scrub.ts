// The last guard before a line reaches the log file: whatever looks like a
// patient identifier is masked. The first guard is what we choose to log
// (ids, counts, states, our own error words; never records or request
// bodies); this catches an identifier that slipped into an error message
// anyway. Names cannot be recognised by pattern, so nothing that may hold
// one is logged at all (docs/decisions.md "Logs").
const PATTERNS: [RegExp, string][] = [
  // UHIDs, compact or hyphenated: GHB260001734, LNH-B26-000173-4.
  [/\b[A-Z]{2,6}-?[A-Z]\d{2}-?\d{6,}-?\d\b/g, '[uhid]'],
  // ABHA addresses and e-mail addresses.
  [/[\w.+-]+@[\w-]+(\.[\w-]+)*/g, '[address]'],
  // ABHA numbers (14 digits, 2-4-4-4), Aadhaar (12), mobiles (10, with +91/0): ten or more digits,
  // single spaces or hyphens between them allowed (a date has eight, and stays).
  [/\+?\d(?:[ -]?\d){9,}/g, '[number]'],
];

export function scrub(text: string): string {
  let out = text;
  for (const [pattern, mask] of PATTERNS) out = out.replace(pattern, mask);
  return out;
}
