// The one contract between the UI (or a hospital IT script) and the core.
// Every method is `area.verb` with a zod schema for its input and its output,
// defined in its area's file under methods/; the core implements each exactly
// once (main/core/registry.ts) and every call is validated on the way in and
// on the way out.
import type { z } from 'zod';
import { joinMethods } from './method-spec';
import { authMethods } from './methods/auth-methods';
import { counterMethods } from './methods/counter-methods';
import { departmentMethods } from './methods/department-methods';
import { patientMethods } from './methods/patient-methods';
import { tokenMethods } from './methods/token-methods';
import { cardMethods } from './methods/card-methods';
import { printingMethods } from './methods/printing-methods';
import { syncMethods } from './methods/sync-methods';
import { feeMethods } from './methods/fee-methods';
import { cashMethods } from './methods/cash-methods';
import { reportMethods } from './methods/report-methods';
import { peerMethods } from './methods/peer-methods';
import { peersMethods } from './methods/peers-methods';
import { peerQueueMethods } from './methods/peer-queue-methods';
import { peerDepartmentsMethods } from './methods/peer-departments-methods';
import { screensMethods } from './methods/screens-methods';
import { opsMethods } from './methods/ops-methods';
import { arrivalMethods } from './methods/arrival-methods';
import { mergeMethods } from './methods/merge-methods';
import { photoMethods } from './methods/photo-methods';
import { placeMethods } from './methods/place-methods';
import { queueMethods } from './methods/queue-methods';

export type { MethodSpec } from './method-spec';
export { AddressInput, PatientChanges, RegisterPatientInput } from './methods/patient-methods';

export const methods = joinMethods(
  authMethods,
  counterMethods,
  departmentMethods,
  patientMethods,
  tokenMethods,
  cardMethods,
  printingMethods,
  syncMethods,
  feeMethods,
  cashMethods,
  reportMethods,
  peerMethods,
  peersMethods,
  peerQueueMethods,
  peerDepartmentsMethods,
  screensMethods,
  opsMethods,
  arrivalMethods,
  mergeMethods,
  photoMethods,
  placeMethods,
  queueMethods,
);

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
