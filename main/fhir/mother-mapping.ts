// A newborn's mother → FHIR R4 RelatedPerson (https://hl7.org/fhir/R4/relatedperson.html).
// Patient.link is for records of the same person (R4 Patient.link: "another
// patient resource that concerns the same actual patient"), so the mother is
// a RelatedPerson of the baby, relationship v3-RoleCode MTH, carrying the
// mother's UHID so the HIMS can find her own Patient. It is sent with the
// baby as a conditional update on its own identifier: sending it again
// changes nothing. docs/fhir-mapping.md, "Newborns".
import type { RelatedPerson } from '@medplum/fhirtypes';
import { SYSTEMS } from './systems';

export interface LocalMother {
  babyId: string;
  uhid: string;
  name: string;
  phone: string | null;
}

export const motherIdentifierValue = (babyId: string) => `${babyId}/mother`;

export function toFhirMother(m: LocalMother, babyReference: string): RelatedPerson {
  return {
    resourceType: 'RelatedPerson',
    identifier: [
      { use: 'usual', system: SYSTEMS.relatedPerson, value: motherIdentifierValue(m.babyId) },
      {
        use: 'secondary',
        type: {
          coding: [{ system: SYSTEMS.v2IdentifierType, code: 'MR', display: 'Medical record number' }],
          text: "Mother's UHID",
        },
        system: SYSTEMS.uhid,
        value: m.uhid,
      },
    ],
    active: true,
    patient: { reference: babyReference },
    relationship: [{ coding: [{ system: SYSTEMS.roleCode, code: 'MTH', display: 'mother' }], text: 'Mother' }],
    name: [{ text: m.name }],
    gender: 'female',
    ...(m.phone ? { telecom: [{ system: 'phone', value: m.phone, use: 'mobile' }] } : {}),
  };
}
