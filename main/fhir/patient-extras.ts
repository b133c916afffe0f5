// What patients at the door add to the FHIR Patient (docs/fhir-mapping.md, "Patients
// who walk in"): the unidentified emergency patient's temporary name, a
// newborn's time of birth, ID proof other than Aadhaar, the photo when the
// hospital sends photos, and the links of a merge (Patient.link
// replaced-by / replaces, https://hl7.org/fhir/R4/patient.html#links).
// The mother of a newborn is a RelatedPerson of its own (mother-mapping.ts).
import type { Extension, Identifier, PatientLink } from '@medplum/fhirtypes';
import { EXTENSIONS, SYSTEMS } from './systems';
import type { PatientResource } from './patient-mapping';

export interface PatientExtras {
  /** Registered in an emergency without a name; the name is then HumanName.use = temp. */
  unidentified?: boolean;
  /** HH:MM local time and the hospital's UTC offset then, e.g. "+05:30". */
  birthTime?: string | null;
  birthTimeOffset?: string;
  /** Never an Aadhaar number: that stays at the counter, masked. */
  idProof?: { type: string; number: string } | null;
  /** Base64 JPEG, only when the hospital has turned sending photos on. */
  photoJpeg?: string | null;
  /** Patient.link, references already resolved to the HIMS's ids (push-plan.ts). */
  links?: { type: 'replaced-by' | 'replaces'; reference: string }[];
}

export function applyPatientExtras(resource: PatientResource, p: PatientExtras): void {
  if (p.unidentified) {
    // R4 HumanName.use "temp": a temporary name, until the patient is identified.
    for (const name of resource.name ?? []) name.use = 'temp';
    resource.extension = [...(resource.extension ?? []), { url: EXTENSIONS.unidentified, valueBoolean: true }];
  }
  if (p.birthTime && resource.birthDate) {
    // The standard extension for a time of birth (http://hl7.org/fhir/R4/extension-patient-birthtime.html).
    const birthTime: Extension = {
      url: EXTENSIONS.birthTime,
      valueDateTime: `${resource.birthDate}T${p.birthTime}:00${p.birthTimeOffset ?? '+05:30'}`,
    };
    resource._birthDate = { extension: [...(resource._birthDate?.extension ?? []), birthTime] };
  }
  if (p.idProof && p.idProof.type !== 'aadhaar') {
    const identifier: Identifier = {
      use: 'secondary',
      type: { text: ID_PROOF_TEXT[p.idProof.type] ?? 'ID proof' },
      system: `${SYSTEMS.idProof}/${p.idProof.type}`,
      value: p.idProof.number,
    };
    resource.identifier = [...(resource.identifier ?? []), identifier];
  }
  if (p.photoJpeg) resource.photo = [{ contentType: 'image/jpeg', data: p.photoJpeg }];
  if (p.links?.some((l) => l.type === 'replaced-by')) resource.active = false;
  if (p.links && p.links.length > 0) {
    resource.link = p.links.map((l): PatientLink => ({ other: { reference: l.reference }, type: l.type }));
  }
}

const ID_PROOF_TEXT: Record<string, string> = {
  voter_id: 'Voter ID (EPIC)',
  ration_card: 'Ration card',
  pan: 'PAN',
  driving_licence: 'Driving licence',
  passport: 'Passport',
  other: 'ID proof',
};

/** What a pulled Patient says beyond the demographics the pull copies. */
export function readPatientExtras(resource: PatientResource): {
  unidentified: boolean;
  birthTime: string | null;
  replacedBy: string | null;
} {
  const time = resource._birthDate?.extension?.find((e) => e.url === EXTENSIONS.birthTime)?.valueDateTime;
  const replacedBy = resource.link?.find((l) => l.type === 'replaced-by')?.other?.reference ?? null;
  return {
    unidentified: (resource.extension ?? []).some((e) => e.url === EXTENSIONS.unidentified && e.valueBoolean === true),
    birthTime: time && /T(\d{2}:\d{2})/.exec(time)?.[1] ? /T(\d{2}:\d{2})/.exec(time)![1]! : null,
    replacedBy,
  };
}
