// What a looked-up PIN does to the form: district and state filled when the
// PIN says (one place, or several in one state), never over what the clerk
// typed themselves. Pure, so the form and its Enter key agree on the result.
import type { RegistrationValues } from './registration-form';

export interface PinAnswer {
  pincode: string;
  known: boolean;
  places: { district: string; state: string }[];
}

/** The district and state the form last filled in by itself (the clerk may overwrite them). */
export interface LastFill {
  district: string;
  state: string;
}

export function fillFromPin(
  values: RegistrationValues,
  answer: PinAnswer,
  last: LastFill,
): { values: RegistrationValues; fill: LastFill } {
  if (values.pincode.trim() !== answer.pincode || !answer.known || answer.places.length === 0) return { values, fill: last };
  const states = [...new Set(answer.places.map((p) => p.state))];
  const district = answer.places.length === 1 ? answer.places[0]!.district : '';
  const state = states.length === 1 ? states[0]! : '';
  const ours = (typed: string, filled: string) => typed.trim() === '' || typed === filled;
  const next = { ...values };
  if (district && ours(values.district, last.district)) next.district = district;
  if (state && ours(values.state, last.state)) next.state = state;
  return { values: next, fill: { district: next.district, state: next.state } };
}

export const isCompletePin = (pin: string) => /^[1-9]\d{5}$/.test(pin.trim());
