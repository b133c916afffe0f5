// One FHIR Device per counter at the HIMS (docs/fhir-mapping.md "Counters"),
// so a counter can learn whether another counter of its hospital was given
// the same letter: two such counters hand out the same UHIDs and token labels.
// Asked with each configuration pull; a failure here never fails the sync
// round (registering and issuing do not depend on it).
import type { Bundle, Device } from '@medplum/fhirtypes';
import type { Database } from 'better-sqlite3';
import type { LetterCheck } from '../../preload/contract/methods/counter-schemas';
import { isConfigured, type CounterIdentity } from '../config/counter-identity';
import { letterKey, saveLetterCheck } from '../counter/letter-check';
import { SYSTEMS } from '../fhir/systems';
import type { HimsClient } from './hims-client';

export interface CounterDeviceOptions {
  identity: CounterIdentity;
  appVersion: string;
  now: () => string;
}

export type CounterCheckOutcome = 'checked' | 'refused' | 'skipped';

const idOf = (device: Device, system: string) => device.identifier?.find((i) => i.system === system)?.value;

export function counterDevice(identity: CounterIdentity, appVersion: string): Device {
  return {
    resourceType: 'Device',
    status: 'active',
    identifier: [
      { system: SYSTEMS.counterId, value: identity.counterId },
      { system: SYSTEMS.counterLetter, value: letterKey(identity) },
    ],
    deviceName: [{ name: `${identity.hospitalName} — counter ${identity.counterLetter}`, type: 'user-friendly-name' }],
    type: { text: 'HIMS Counter registration counter' },
    version: [{ value: appVersion }],
  };
}

/** Records this counter at the HIMS and saves which other active counters share its letter. */
export async function checkCounterLetter(
  db: Database,
  client: HimsClient,
  o: CounterDeviceOptions,
): Promise<CounterCheckOutcome> {
  if (!isConfigured(o.identity)) return 'skipped';
  const search = (system: string, value: string) =>
    client.request<Bundle<Device>>('GET', `Device?identifier=${encodeURIComponent(`${system}|${value}`)}&_count=50`);

  const sameLetter = await search(SYSTEMS.counterLetter, letterKey(o.identity));
  if (sameLetter.status !== 200) return 'refused';
  const others: LetterCheck['otherCounters'] = (sameLetter.data.entry ?? [])
    .map((e) => e.resource)
    .filter((d): d is Device => d?.resourceType === 'Device')
    // A counter retired at the HIMS (status inactive) no longer issues anything.
    .filter((d) => d.status !== 'inactive' && d.status !== 'entered-in-error')
    .filter((d) => idOf(d, SYSTEMS.counterId) !== o.identity.counterId)
    .map((d) => ({
      counterId: idOf(d, SYSTEMS.counterId) ?? d.id ?? 'unknown',
      name: d.deviceName?.[0]?.name ?? null,
      updatedAt: d.meta?.lastUpdated ?? null,
    }));

  const wanted = counterDevice(o.identity, o.appVersion);
  const mine = await search(SYSTEMS.counterId, o.identity.counterId);
  if (mine.status !== 200) return 'refused';
  const existing = mine.data.entry?.[0]?.resource;
  const saved = existing?.id
    ? sameDevice(existing, wanted)
      ? { status: 200 }
      : await client.request('PUT', `Device/${existing.id}`, { ...wanted, id: existing.id })
    : await client.request('POST', 'Device', wanted, {
        'if-none-exist': `identifier=${SYSTEMS.counterId}|${o.identity.counterId}`,
      });
  if (saved.status !== 200 && saved.status !== 201) return 'refused';

  saveLetterCheck(db, { asked: letterKey(o.identity), checkedAt: o.now(), otherCounters: others });
  return 'checked';
}

function sameDevice(a: Device, b: Device): boolean {
  const key = (d: Device) =>
    JSON.stringify([
      d.status,
      d.identifier?.map((i) => `${i.system}|${i.value}`).sort(),
      d.deviceName?.[0]?.name,
      d.version?.[0]?.value,
    ]);
  return key(a) === key(b);
}
