// places.* — the India Post PIN directory, bundled with the core
// (resources/pincodes): a PIN fills district and state; district and state
// are type-ahead choices when there is no PIN.
import { z } from 'zod';
import { Pincode, text } from '../fields';
import type { MethodSpec } from '../method-spec';

export const State = z.object({ code: z.string(), en: z.string(), hi: z.string() });
export type State = z.infer<typeof State>;

/** One district of one state, with the state's name in both languages. */
export const Place = z.object({ district: z.string(), state: z.string(), stateHi: z.string(), stateCode: z.string() });
export type Place = z.infer<typeof Place>;

export const placeMethods = {
  'places.pincode': {
    summary:
      'District and state of a PIN code (several where the PIN crosses a border); known=false for a PIN India Post does not have.',
    input: z.object({ pincode: Pincode }).strict(),
    output: z.object({ pincode: z.string(), known: z.boolean(), places: z.array(Place) }),
  },
  'places.states': {
    summary: 'The 36 states and union territories, English and Hindi.',
    input: z.object({}).strict(),
    output: z.array(State),
  },
  'places.districts': {
    summary: 'Districts whose name starts with (or has a word starting with) the text typed, optionally in one state.',
    input: z
      .object({ query: text(60).optional(), state: text(60).optional(), limit: z.number().int().min(1).max(100).optional() })
      .strict(),
    output: z.array(Place),
  },
} as const satisfies Record<string, MethodSpec>;
