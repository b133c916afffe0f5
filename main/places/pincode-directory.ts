// The India Post PIN directory (resources/pincodes/README.md: source, licence,
// how to refresh it), indexed once on first use: PIN → places, and the
// district names for type-ahead. About 20,000 PINs; built in a few ms.
import directoryFile from '../../resources/pincodes/india-pincodes.json';
import type { Place, State } from '../../preload/contract/methods/place-methods';

interface DirectoryFile {
  states: State[];
  districts: { state: number; name: string; pins: string }[];
}

interface Index {
  states: State[];
  byPin: Map<string, Place[]>;
  places: Place[];
  stateByName: Map<string, State>;
}

let index: Index | undefined;

function build(): Index {
  const file = directoryFile as DirectoryFile;
  const byPin = new Map<string, Place[]>();
  const places: Place[] = [];
  for (const d of file.districts) {
    const state = file.states[d.state]!;
    const place: Place = { district: d.name, state: state.en, stateHi: state.hi, stateCode: state.code };
    places.push(place);
    for (const pin of d.pins.split(' ')) {
      const list = byPin.get(pin);
      if (list) list.push(place);
      else byPin.set(pin, [place]);
    }
  }
  const stateByName = new Map<string, State>();
  for (const s of file.states) {
    stateByName.set(s.en.toLowerCase(), s);
    stateByName.set(s.hi, s);
    stateByName.set(s.code.toLowerCase(), s);
  }
  return { states: file.states, byPin, places, stateByName };
}

function directory(): Index {
  return (index ??= build());
}

/** The places a PIN belongs to (usually one district; a few PINs cross a district or state line); [] for an unknown PIN. */
export function placesOfPincode(pincode: string): Place[] {
  return directory().byPin.get(pincode) ?? [];
}

/**
 * The district and state a PIN names by itself: the district when it belongs
 * to one place, the state when all its places are in one state; null where the
 * PIN does not decide (the clerk chooses).
 */
export function placeOfPincode(pincode: string): { district: string | null; state: string | null } {
  const places = placesOfPincode(pincode);
  const states = new Set(places.map((p) => p.state));
  return {
    district: places.length === 1 ? places[0]!.district : null,
    state: states.size === 1 ? places[0]!.state : null,
  };
}

export function isKnownPincode(pincode: string): boolean {
  return directory().byPin.has(pincode);
}

export function allStates(): State[] {
  return directory().states;
}

/** A state by its English or Hindi name or its code, case aside. */
export function findState(name: string): State | undefined {
  return directory().stateByName.get(name.trim().toLowerCase()) ?? directory().stateByName.get(name.trim());
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[\s.()-]+/)
    .filter(Boolean);

/** Districts a clerk may mean by what they typed: a word of the name starts with it; names starting with it first. */
export function suggestDistricts(query: string, stateName: string | undefined, limit: number): Place[] {
  const q = query.trim().toLowerCase();
  const state = stateName ? findState(stateName) : undefined;
  if (stateName && !state) return [];
  const inState = directory().places.filter((p) => !state || p.stateCode === state.code);
  if (q === '') return inState.slice(0, limit);
  const starts = inState.filter((p) => p.district.toLowerCase().startsWith(q));
  const wordStarts = inState.filter(
    (p) => !p.district.toLowerCase().startsWith(q) && words(p.district).some((w) => w.startsWith(q)),
  );
  return [...starts, ...wordStarts].slice(0, limit);
}
