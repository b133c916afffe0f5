// peer.* — what one counter of the hospital may ask another over the hospital
// network (docs/peers.md). Only paired counters reach these (the peer level of
// method-access.ts), over mutually authenticated TLS; no window or page may
// call them. Exact lookups only: names are too broad to send around.
import { z } from 'zod';
import { Uuid, text } from '../fields';
import type { MethodSpec } from '../method-spec';
import { Patient, PatientSummary } from '../records';

/** Who answers: a paired counter says who it is with every hello. */
export const PeerHello = z.object({
  counterId: z.string(),
  counterLetter: z.string(),
  hospitalCode: z.string(),
  hospitalName: z.string(),
  appVersion: z.string(),
  /** Its clock, for the wrong-clock check (ISO instant). */
  time: z.string(),
});
export type PeerHello = z.infer<typeof PeerHello>;

export const peerMethods = {
  'peer.hello': {
    summary: 'Who this counter is and what its clock says.',
    input: z.object({}).strict(),
    output: PeerHello,
  },
  'peer.lookup': {
    summary: 'Patients this counter knows by an exact UHID, mobile number, ABHA number or ABHA address (never by name).',
    input: z.object({ query: text(100) }).strict(),
    output: z.object({ patients: z.array(PatientSummary).max(10) }),
  },
  'peer.patient': {
    summary: 'One patient in full, for a counter that brings the patient over (audited here as a view by that counter).',
    input: z.object({ id: Uuid }).strict(),
    output: Patient,
  },
} as const satisfies Record<string, MethodSpec>;
