// Identifier systems, code systems and extension URLs we send (docs/fhir-mapping.md).
// Our own namespace is one base URL so a hospital's HIMS can map it in one place.
export const NS = 'https://fhir.hims-counter.in';

export const SYSTEMS = {
  /** The client-made UUID: RFC 3986 URN, the standard FHIR system for a UUID identifier. */
  clientUuid: 'urn:ietf:rfc:3986',
  /** ABHA number (14 digits), as in the ABDM FHIR implementation guide. */
  abhaNumber: 'https://healthid.abdm.gov.in',
  abhaAddress: 'https://healthid.abdm.gov.in/abha-address',
  uhid: `${NS}/sid/uhid`,
  cardId: `${NS}/sid/card-id`,
  opdToken: `${NS}/sid/opd-token`,
  cardIssuer: `${NS}/sid/card-issuer`,
  /** A counter's own UUID (settings.counterId): one FHIR Device per counter. */
  counterId: `${NS}/sid/counter-id`,
  /** Hospital code and counter letter, e.g. LNH-B: two active Devices with one value are two counters issuing the same numbers. */
  counterLetter: `${NS}/sid/counter-letter`,
  /** ID proof other than Aadhaar: `${idProof}/<type>` (voter_id, pan, passport …). */
  idProof: `${NS}/sid/id-proof`,
  /** The newborn's mother as a RelatedPerson: value `<baby's client UUID>/mother`. */
  relatedPerson: `${NS}/sid/related-person`,
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  organizationType: `${NS}/CodeSystem/organization-type`,
  department: `${NS}/CodeSystem/department`,
  priorityCategory: `${NS}/CodeSystem/priority-category`,
  visitType: `${NS}/CodeSystem/visit-type`,
  feeCategory: `${NS}/CodeSystem/fee-category`,
  // Fees (docs/fhir-mapping.md "Fees")
  receiptNumber: `${NS}/sid/receipt-number`,
  refundNumber: `${NS}/sid/refund-number`,
  upiRef: `${NS}/sid/upi-reference`,
  opdFee: `${NS}/CodeSystem/opd-fee`,
  feeBasis: `${NS}/CodeSystem/fee-basis`,
  proofType: `${NS}/CodeSystem/exemption-proof-type`,
  paymentMethod: `${NS}/CodeSystem/payment-method`,
  paymentKind: `${NS}/CodeSystem/payment-kind`,
  paymentType: 'http://terminology.hl7.org/CodeSystem/payment-type',
  /** The counter's own token status (issued, called, in_consultation, done, no_show, skipped …). */
  queueStatus: `${NS}/CodeSystem/queue-status`,
  v2IdentifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actPriority: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority',
} as const;

export const EXTENSIONS = {
  birthDateEstimated: `${NS}/StructureDefinition/birth-date-estimated`,
  feeCategory: `${NS}/StructureDefinition/fee-category`,
  guardianRelation: `${NS}/StructureDefinition/guardian-relation`,
  transferredFrom: `${NS}/StructureDefinition/transferred-from`,
  feeBasis: `${NS}/StructureDefinition/fee-basis`,
  amountDue: `${NS}/StructureDefinition/amount-due`,
  exemptionProof: `${NS}/StructureDefinition/exemption-proof`,
  validUntil: `${NS}/StructureDefinition/valid-until`,
  paymentMethod: `${NS}/StructureDefinition/payment-method`,
  /** On the Encounter and on each statusHistory entry: the counter's finer status (valueCoding). */
  queueStatus: `${NS}/StructureDefinition/queue-status`,
  /** On a statusHistory entry: the room that made the move (valueString). */
  room: `${NS}/StructureDefinition/room`,
  /** A card issuer's public keys, JWKS JSON (RFC 7517) as valueString. */
  jwks: `${NS}/StructureDefinition/jwks`,
  /** The patient was registered in an emergency without a name (the name is use=temp). */
  unidentified: `${NS}/StructureDefinition/unidentified-patient`,
  /** http://hl7.org/fhir/R4/extension-patient-birthtime.html */
  birthTime: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime',
  /** A medico-legal case on the visit: number, policeStation, broughtBy, recordedAt. */
  medicoLegalCase: `${NS}/StructureDefinition/medico-legal-case`,
  /** http://hl7.org/fhir/R4/extension-language.html: the language of a name. */
  language: 'http://hl7.org/fhir/StructureDefinition/language',
} as const;

export const clientUuidValue = (id: string) => `urn:uuid:${id}`;
