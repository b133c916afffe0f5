// Local patient ⇄ FHIR R4 Patient (https://hl7.org/fhir/R4/patient.html).
// See docs/fhir-mapping.md for the table; this file is its implementation.
import type { Extension, HumanName, Identifier, Patient as FhirPatient } from '@medplum/fhirtypes';
import { clientUuidValue, EXTENSIONS, SYSTEMS } from './systems';
import { applyPatientExtras, readPatientExtras, type PatientExtras } from './patient-extras';

/** What the mapping reads of a local patient (a row of the patients table with identifiers). */
export interface LocalPatient extends PatientExtras {
  id: string;
  uhid: string;
  name: string;
  /** The name in the other script, if given: a second HumanName with its own language tag. */
  nameOtherScript: string | null;
  gender: 'male' | 'female' | 'other';
  dateOfBirth: string;
  dobEstimated: boolean;
  phone: string | null;
  guardianName: string | null;
  guardianRelation: string | null;
  addressLine: string | null;
  district: string | null;
  state: string | null;
  pincode: string | null;
  abhaNumber: string | null;
  abhaAddress: string | null;
  cardId?: string | null;
}

/** R4 JSON carries a primitive's extensions in `_birthDate`; fhirtypes omits it. */
export type PatientResource = FhirPatient & { _birthDate?: { extension?: Extension[] } };

const DEVANAGARI = /[\u0900-\u097F]/;

/** Names are kept as typed; a Devanagari name is tagged Hindi, any other English. */
function humanName(text: string): HumanName {
  const words = text.split(' ');
  const name: HumanName = { use: 'official', text };
  if (words.length > 1) {
    name.family = words[words.length - 1];
    name.given = words.slice(0, -1);
  } else {
    name.given = words;
  }
  name.extension = [{ url: EXTENSIONS.language, valueCode: DEVANAGARI.test(text) ? 'hi' : 'en' }];
  return name;
}

export function toFhirPatient(p: LocalPatient): PatientResource {
  const identifier: Identifier[] = [
    {
      use: 'usual',
      type: { coding: [{ system: SYSTEMS.v2IdentifierType, code: 'MR', display: 'Medical record number' }], text: 'UHID' },
      system: SYSTEMS.uhid,
      value: p.uhid,
    },
    { use: 'secondary', system: SYSTEMS.clientUuid, value: clientUuidValue(p.id) },
  ];
  if (p.abhaNumber)
    identifier.push({ use: 'official', type: { text: 'ABHA number' }, system: SYSTEMS.abhaNumber, value: p.abhaNumber });
  if (p.abhaAddress)
    identifier.push({ use: 'official', type: { text: 'ABHA address' }, system: SYSTEMS.abhaAddress, value: p.abhaAddress });
  if (p.cardId) identifier.push({ use: 'secondary', type: { text: 'Hospital card' }, system: SYSTEMS.cardId, value: p.cardId });

  const resource: PatientResource = {
    resourceType: 'Patient',
    identifier,
    active: true,
    // The name as registered first; the other script's after it, tagged by its own language.
    name: p.nameOtherScript ? [humanName(p.name), humanName(p.nameOtherScript)] : [humanName(p.name)],
    gender: p.gender,
    birthDate: p.dateOfBirth,
  };
  if (p.dobEstimated) {
    resource._birthDate = { extension: [{ url: EXTENSIONS.birthDateEstimated, valueBoolean: true }] };
  }
  if (p.phone) resource.telecom = [{ system: 'phone', value: p.phone, use: 'mobile' }];
  if (p.addressLine || p.district || p.state || p.pincode) {
    resource.address = [
      {
        use: 'home',
        ...(p.addressLine ? { line: [p.addressLine], text: p.addressLine } : {}),
        ...(p.district ? { district: p.district } : {}),
        ...(p.state ? { state: p.state } : {}),
        ...(p.pincode ? { postalCode: p.pincode } : {}),
        country: 'IN',
      },
    ];
  }
  if (p.guardianName) {
    const extension: Extension[] = p.guardianRelation
      ? [{ url: EXTENSIONS.guardianRelation, valueCode: p.guardianRelation }]
      : [];
    resource.contact = [
      {
        relationship: [
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] },
        ],
        name: { text: p.guardianName },
        ...(extension.length ? { extension } : {}),
      },
    ];
  }
  applyPatientExtras(resource, p);
  return resource;
}

function identifierValue(resource: FhirPatient, system: string): string | null {
  return resource.identifier?.find((i) => i.system === system)?.value ?? null;
}

/** The client UUID a Patient carries, if it was made by a counter. */
export function clientUuidOf(resource: { identifier?: Identifier[] }): string | null {
  const value = resource.identifier?.find((i) => i.system === SYSTEMS.clientUuid)?.value;
  return value?.startsWith('urn:uuid:') ? value.slice('urn:uuid:'.length) : null;
}

function nameText(name: HumanName): string {
  return (name.text ?? [...(name.given ?? []), name.family ?? ''].join(' ')).trim();
}

/**
 * A Patient from the HIMS as a local patient. `fallbackId` names one that no
 * counter made (registered at the HIMS itself): its server id becomes ours.
 */
export function fromFhirPatient(resource: PatientResource, fallbackId: string): LocalPatient | null {
  // Current names only (not a maiden or old name): the first is the name; a
  // second is the same name in the other script, as we send it.
  const all = resource.name ?? [];
  const current = all.filter((n) => n.use === undefined || n.use === 'official' || n.use === 'usual' || n.use === 'temp');
  const names = (current.length > 0 ? current : all).map(nameText).filter((t) => t !== '');
  const text = names[0];
  if (!text || !resource.birthDate) return null;
  const other = names[1] ?? null;
  const extras = readPatientExtras(resource);
  const address = resource.address?.[0];
  const contact = resource.contact?.[0];
  const gender = resource.gender === 'male' || resource.gender === 'female' ? resource.gender : 'other';
  return {
    id: clientUuidOf(resource) ?? fallbackId,
    uhid: identifierValue(resource, SYSTEMS.uhid) ?? '',
    name: text,
    nameOtherScript: other,
    gender,
    // A year or year-month birth date (allowed by R4) is read as its first day, estimated.
    dateOfBirth: resource.birthDate.length === 10 ? resource.birthDate : `${resource.birthDate}-01-01`.slice(0, 10),
    dobEstimated:
      resource.birthDate.length < 10 ||
      (resource._birthDate?.extension ?? []).some((e) => e.url === EXTENSIONS.birthDateEstimated && e.valueBoolean === true),
    phone: resource.telecom?.find((t) => t.system === 'phone')?.value ?? null,
    guardianName: contact?.name?.text ?? null,
    guardianRelation: contact?.extension?.find((e) => e.url === EXTENSIONS.guardianRelation)?.valueCode ?? null,
    addressLine: address?.line?.join(', ') ?? address?.text ?? null,
    district: address?.district ?? null,
    state: address?.state ?? null,
    pincode: address?.postalCode ?? null,
    abhaNumber: identifierValue(resource, SYSTEMS.abhaNumber),
    abhaAddress: identifierValue(resource, SYSTEMS.abhaAddress),
    cardId: identifierValue(resource, SYSTEMS.cardId),
    // Patients at the door, only when present, so a plain Patient reads back exactly as before.
    ...(extras.unidentified ? { unidentified: true } : {}),
    ...(extras.birthTime ? { birthTime: extras.birthTime } : {}),
  };
}
