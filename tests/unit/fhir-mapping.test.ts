// The FHIR mapping (docs/fhir-mapping.md): what we send validates against R4
// for every shape a record can take, and reads back to the same record.
import { describe, expect, it } from 'vitest';
import { toFhirEncounter, type LocalVisit } from '../../main/fhir/encounter-mapping';
import {
  clientUuidOf,
  fromFhirPatient,
  toFhirPatient,
  type LocalPatient,
  type PatientResource,
} from '../../main/fhir/patient-mapping';
import { r4Problems } from '../../main/fhir/fhir-validate';
import { EXTENSIONS, SYSTEMS } from '../../main/fhir/systems';

const FULL: LocalPatient = {
  id: '0b7e2a4e-1c3d-4f5a-8b9c-0d1e2f3a4b5c',
  uhid: 'LNHB260001734',
  name: 'सीता देवी',
  nameOtherScript: 'Sita Devi',
  gender: 'female',
  dateOfBirth: '1959-11-25',
  dobEstimated: true,
  phone: '9811122233',
  guardianName: 'Ram Prasad',
  guardianRelation: 'W/o',
  addressLine: '12 Gali No. 3, Seelampur',
  district: 'North East Delhi',
  state: 'Delhi',
  pincode: '110053',
  abhaNumber: '12-3456-7890-1234',
  abhaAddress: 'sita@abdm',
  cardId: 'card-1',
};
const BARE: LocalPatient = {
  ...FULL,
  name: 'Ram',
  nameOtherScript: null,
  gender: 'other',
  dobEstimated: false,
  phone: null,
  guardianName: null,
  guardianRelation: null,
  addressLine: null,
  district: null,
  state: null,
  pincode: null,
  abhaNumber: null,
  abhaAddress: null,
  cardId: null,
};
const VISIT: LocalVisit = {
  id: '9d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
  label: 'B-017',
  departmentCode: 'MED',
  departmentName: 'General Medicine',
  visitDate: '2026-11-25',
  priority: 'emergency',
  visitType: 'follow_up',
  feeCategory: 'delhi_arogya_kosh',
  status: 'issued',
  issuedAt: '2026-11-25T04:30:00.000Z',
  cancelledAt: null,
  transferredFromId: null,
};

describe('FHIR mapping', () => {
  it.each([
    ['full', FULL],
    ['bare', BARE],
    ["O'Brien <x>", { ...FULL, name: "Mary O'Brien <script>" }],
  ])('a %s patient validates and reads back the same', (_, local) => {
    const resource = toFhirPatient(local);
    expect(r4Problems(resource)).toEqual([]);
    expect(fromFhirPatient(resource, 'server-id')).toEqual(local);
    expect(clientUuidOf(resource)).toBe(local.id);
  });

  it('names the UHID as MR, tags the script, flags an estimated birth date', () => {
    const r = toFhirPatient(FULL);
    expect(r.identifier?.find((i) => i.system === SYSTEMS.uhid)?.type?.coding?.[0]).toMatchObject({ code: 'MR' });
    expect(r.name?.[0]?.extension?.[0]).toEqual({ url: EXTENSIONS.language, valueCode: 'hi' });
    expect(r._birthDate?.extension?.[0]).toEqual({ url: EXTENSIONS.birthDateEstimated, valueBoolean: true });
    expect(toFhirPatient(BARE)._birthDate).toBeUndefined();
  });

  it.each([
    ['issued', VISIT],
    ['cancelled', { ...VISIT, status: 'cancelled', cancelledAt: '2026-11-25T05:00:00.000Z' }],
    ['transferred', { ...VISIT, status: 'transferred', transferredFromId: null }],
  ] as const)('an %s visit is an AMB Encounter that validates', (_, visit) => {
    const e = toFhirEncounter(visit, { reference: 'Patient/abc' }, { reference: 'Encounter/def' });
    expect(r4Problems(e)).toEqual([]);
    expect(e.class).toMatchObject({ code: 'AMB' });
    expect(e.identifier?.find((i) => i.system === SYSTEMS.opdToken)?.value).toBe('2026-11-25/MED/B-017');
    expect(e.priority?.coding?.[0]?.code).toBe('EM');
  });

  it.each([
    ['called', 'arrived'],
    ['in_consultation', 'in-progress'],
    ['done', 'finished'],
    ['no_show', 'cancelled'],
    ['skipped', 'arrived'],
    ['entered_in_error', 'entered-in-error'],
  ] as const)('a %s visit is a valid Encounter with status %s and its history', (status, fhirStatus) => {
    const visit: LocalVisit = {
      ...VISIT,
      status,
      room: '101',
      history: [
        { status: 'issued', at: '2026-11-25T04:30:00.000Z', room: null },
        { status: 'called', at: '2026-11-25T04:40:00.000Z', room: '101' },
        { status: 'called', at: '2026-11-25T04:41:00.000Z', room: '101' }, // a recall: no new entry
        ...(status === 'called' ? [] : [{ status, at: '2026-11-25T04:50:00.000Z', room: '101' }]),
      ],
    };
    const e = toFhirEncounter(visit, { reference: 'Patient/abc' });
    expect(r4Problems(e)).toEqual([]);
    expect(e.status).toBe(fhirStatus);
    expect(e.statusHistory?.map((h) => h.status)).toEqual(
      status === 'called' ? ['arrived', 'arrived'] : ['arrived', 'arrived', fhirStatus],
    );
    expect(e.statusHistory?.[0]?.period).toEqual({ start: '2026-11-25T04:30:00.000Z', end: '2026-11-25T04:40:00.000Z' });
    expect(e.location?.[0]?.location.display).toBe('Room 101');
  });

  it('refuses what is not R4, even when a resource of the same shape passed before', () => {
    expect(r4Problems(toFhirPatient(FULL))).toEqual([]);
    expect(r4Problems({ ...toFhirPatient(FULL), birthDate: '1959-13-45' })).toEqual(['Patient.birthDate: Invalid date format']);
    expect(r4Problems({ ...toFhirPatient(FULL), gender: 'female ' as 'female' })).toHaveLength(1);
    const badFlag: PatientResource = {
      ...toFhirPatient(FULL),
      _birthDate: { extension: [{ url: EXTENSIONS.birthDateEstimated, valueBoolean: 'yes' as unknown as boolean }] },
    };
    expect(r4Problems(badFlag)).toHaveLength(1);
  });
});
