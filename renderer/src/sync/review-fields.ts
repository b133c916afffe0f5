// What the review list compares, side by side: the fields a clerk recognises,
// read from the two FHIR resources (this counter's and the HIMS's).
import { dayNumeric } from '../lib/dates';

export interface ReviewRow {
  key: string;
  local: string;
  remote: string;
}

type Json = Record<string, unknown>;

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function identifier(r: Json | null, system: string): string {
  return str(list(r?.identifier).find((i) => str(i.system).endsWith(system))?.value);
}

const FIELDS: { key: string; read: (r: Json | null) => string }[] = [
  { key: 'name', read: (r) => str(list(r?.name)[0]?.text) },
  { key: 'gender', read: (r) => str(r?.gender) },
  { key: 'birthDate', read: (r) => (str(r?.birthDate) ? dayNumeric(str(r?.birthDate)) : '') },
  { key: 'phone', read: (r) => str(list(r?.telecom)[0]?.value) },
  { key: 'uhid', read: (r) => identifier(r, '/sid/uhid') },
  { key: 'abhaNumber', read: (r) => identifier(r, 'healthid.abdm.gov.in') },
  {
    key: 'address',
    read: (r) =>
      [str(list(r?.address)[0]?.text), str(list(r?.address)[0]?.district), str(list(r?.address)[0]?.state)]
        .filter(Boolean)
        .join(', '),
  },
  { key: 'status', read: (r) => str(r?.status) },
  { key: 'department', read: (r) => str((r?.serviceType as Json | undefined)?.text) },
  { key: 'token', read: (r) => str(list(r?.identifier).find((i) => str(i.system).endsWith('/sid/opd-token'))?.value) },
];

export function reviewRows(local: Json, remote: Json | null): ReviewRow[] {
  return FIELDS.map((f) => ({ key: f.key, local: f.read(local), remote: f.read(remote) })).filter(
    (row) => row.local || row.remote,
  );
}
