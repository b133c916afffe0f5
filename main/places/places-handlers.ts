// places.* (preload/contract/methods/place-methods.ts): reads of the bundled
// India Post directory; nothing is stored.
import type { HandlerMap } from '../core/registry';
import { allStates, placesOfPincode, suggestDistricts } from './pincode-directory';

export function placesHandlers(): HandlerMap {
  return {
    'places.pincode': ({ pincode }) => {
      const places = placesOfPincode(pincode);
      return { pincode, known: places.length > 0, places };
    },
    'places.states': () => allStates(),
    'places.districts': ({ query, state, limit }) => suggestDistricts(query ?? '', state ?? undefined, limit ?? 20),
  };
}
