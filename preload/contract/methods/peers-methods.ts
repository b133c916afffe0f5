// peers.* — a supervisor pairs this counter with the hospital's other
// counters; patients.*Elsewhere — a clerk finds a patient registered at
// another counter and brings the record here (docs/peers.md).
import { z } from 'zod';
import { Uuid, text } from '../fields';
import type { MethodSpec } from '../method-spec';
import { Patient, PatientSummary } from '../records';

/** Why a peer did not answer, in a word the screen translates. */
export const PeerProblem = z.enum([
  'unreachable', // nothing listens there, or the network is down
  'timeout', // connected, but no whole answer in time (a slow drip included)
  'key_refused', // it does not accept our network key (or we not its)
  'certificate_expired',
  'certificate_changed', // another key answers at its address: not the counter that was paired
  'bad_answer', // not the contract's answer
  'too_large',
  'refused', // it answered with an error of its own
]);
export type PeerProblem = z.infer<typeof PeerProblem>;

export const PeerView = z.object({
  counterId: z.string(),
  counterLetter: z.string(),
  hospitalName: z.string(),
  address: z.string(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  /** The last call to it: answered, or why not. */
  state: z.enum(['reachable', 'unreachable', 'unknown']),
  problem: PeerProblem.nullable(),
  problemAt: z.string().nullable(),
  /** Its clock minus ours, in seconds, as last seen. */
  clockOffsetSeconds: z.number().nullable(),
});
export type PeerView = z.infer<typeof PeerView>;

export const PeersStatus = z.object({
  networkKeySet: z.boolean(),
  /** Six characters from the key: the same on every counter that has the same key. */
  keyCheck: z.string().nullable(),
  /** This counter's peer server, once listening. */
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  /** What peers pin for this counter: read aloud to check a pairing. */
  ownKeyPin: z.string().nullable(),
  peers: z.array(PeerView),
});
export type PeersStatus = z.infer<typeof PeersStatus>;

const Address = z
  .string()
  .trim()
  .max(255)
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/, { message: 'must be host:port, e.g. 192.168.1.12:5171' });

export const FoundElsewhere = z.object({
  counterId: z.string(),
  counterLetter: z.string(),
  patient: PatientSummary,
  /** Already here (brought over before): open it instead. */
  broughtHere: z.boolean(),
});

export const peersMethods = {
  'peers.status': {
    summary: 'The network key (set or not), this counter’s peer server, and every paired counter with how it last answered.',
    input: z.object({}).strict(),
    output: PeersStatus,
  },
  'peers.setNetworkKey': {
    summary:
      'Set the hospital network key on this counter (typed from the first counter’s, or made here for the first). Returns the key only when it was made here.',
    input: z.union([z.object({ key: z.string().min(1).max(100) }).strict(), z.object({ generate: z.literal(true) }).strict()]),
    output: z.object({ keyCheck: z.string(), generatedKey: z.string().nullable() }),
  },
  'peers.add': {
    summary:
      'Pair with the counter at host:port: both prove the network key, each pins the other’s TLS key. Refused for a counter with this counter’s letter, or of another hospital.',
    input: z.object({ address: Address }).strict(),
    output: PeerView,
  },
  'peers.remove': {
    summary: 'Forget a paired counter (its address and pinned key).',
    input: z.object({ counterId: z.string().min(1).max(64) }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  'peers.check': {
    summary: 'Ask every paired counter who it is now: reachability and clock for each.',
    input: z.object({}).strict(),
    output: z.array(PeerView),
  },
  'peers.discover': {
    summary:
      'Counters announcing themselves on this network (mDNS/DNS-SD), for a supervisor to pick from. A convenience: a network may not carry multicast.',
    input: z.object({ waitMs: z.number().int().min(100).max(5000).default(2000) }).strict(),
    output: z.array(
      z.object({
        address: Address,
        counterLetter: z.string(),
        hospitalCode: z.string(),
        counterId: z.string(),
        paired: z.boolean(),
      }),
    ),
  },
  'patients.searchElsewhere': {
    summary:
      'Ask every paired counter at once (short time-out) for an exact UHID, mobile, ABHA number or address that found nobody here.',
    input: z.object({ query: text(100) }).strict(),
    output: z.object({
      found: z.array(FoundElsewhere),
      /** Counters that did not answer: their patients are not in the list. */
      notAsked: z.array(z.object({ counterId: z.string(), counterLetter: z.string(), problem: PeerProblem })),
    }),
  },
  'patients.bringOver': {
    summary:
      'Copy a patient registered at another counter here, with the same id and UHID (the HIMS still ends with one Patient); audited at both counters.',
    input: z.object({ counterId: z.string().min(1).max(64), patientId: Uuid }).strict(),
    output: Patient,
  },
} as const satisfies Record<string, MethodSpec>;
