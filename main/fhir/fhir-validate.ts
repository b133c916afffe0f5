// Every resource we send is checked against the R4 definitions first
// (@medplum/core's validator): a mapping bug stops here, at the counter, with
// a readable message instead of as a 400 from the HIMS for the whole Bundle.
//
// Cost: the validator spends most of its time on extensions (about 0.25 ms
// each, their FHIRPath invariants), and our extensions come from a small
// closed set (docs/fhir-mapping.md). So a resource is validated without its
// extensions, and each distinct extension is validated once, in full, inside
// a carrier resource, and remembered. Every part of every resource is still
// checked by the R4 validator; a Bundle of 100 costs ~15 ms instead of ~35.
//
// Second, verdicts are remembered per *shape*: the resource with every string
// replaced by which R4 primitive patterns it matches
// (https://hl7.org/fhir/R4/datatypes.html — the validator judges a primitive
// only by its type's pattern, and the type follows from the path, which the
// shape keeps), numbers by kind, and the one value-comparing invariant our
// resources meet (Period per-1: start <= end) as a flag. Two resources of the
// same shape get the same verdict from the validator, so the second one is
// not run through it again: a Bundle of 100 new visits costs well under 1 ms.
import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { Extension, Resource } from '@medplum/fhirtypes';
import { loadR4Definitions } from './definitions';

const extensionVerdicts = new Map<string, string[]>();
const MAX_REMEMBERED = 10_000;

function problemsOf(resource: Resource): string[] {
  try {
    validateResource(resource);
    return [];
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    return (err.outcome.issue ?? [])
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? i.code}`);
  }
}

/** A deep copy without `extension` arrays and `_primitive` elements; those are collected. */
function withoutExtensions(value: unknown, found: Extension[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutExtensions(v, found));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'extension' && Array.isArray(child)) found.push(...(child as Extension[]));
    else if (key.startsWith('_') && child && typeof child === 'object')
      found.push(...((child as { extension?: Extension[] }).extension ?? []));
    else out[key] = withoutExtensions(child, found);
  }
  return out;
}

function extensionProblems(extension: Extension): string[] {
  const key = JSON.stringify(extension);
  let verdict = extensionVerdicts.get(key);
  if (!verdict) {
    verdict = problemsOf({ resourceType: 'Basic', code: { text: 'extension check' }, extension: [extension] }).map((p) =>
      p.replace(/^Basic\.extension\[0\]/, `extension ${extension.url}`),
    );
    if (extensionVerdicts.size >= MAX_REMEMBERED) extensionVerdicts.clear();
    extensionVerdicts.set(key, verdict);
  }
  return verdict;
}

/** R4 primitive patterns (datatypes.html), for the shape key only. */
const PRIMITIVES: RegExp[] = [
  /^[\r\n\t\u0020-\uFFFF]+$/, // string, markdown
  /^[^\s]+( [^\s]+)*$/, // code
  /^\S*$/, // uri, url, canonical
  /^[A-Za-z0-9\-.]{1,64}$/, // id
  /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, // uuid
  /^urn:oid:[0-2](\.(0|[1-9]\d*))+$/, // oid
  /^(\d(\d(\d[1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2]\d|3[0-1]))?)?$/, // date
  /^(\d(\d(\d[1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2]\d|3[0-1])(T([01]\d|2[0-3])(:[0-5]\d:([0-5]\d|60)(\.\d{1,9})?)?)?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)?)?)?$/, // dateTime
  /^(\d(\d(\d[1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2]\d|3[0-1])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/, // instant
  /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?$/, // time
  /^([A-Za-z\d+/]{4})*([A-Za-z\d+/]{2}==|[A-Za-z\d+/]{3}=)?$/, // base64Binary
  /^#/, // a local reference (ref-1)
];

// Systems, codes and display texts repeat in every resource: classify each once.
const classes = new Map<string, string>();

function stringClass(value: string): string {
  const cached = classes.get(value);
  if (cached) return cached;
  let bits = value.length > 1_048_576 ? 'L' : '';
  for (const pattern of PRIMITIVES) bits += pattern.test(value) ? '1' : '0';
  if (value.length <= 200) {
    if (classes.size >= MAX_REMEMBERED) classes.clear();
    classes.set(value, bits);
  }
  return bits;
}

function shapeOf(value: unknown): string {
  if (typeof value === 'string') return `"${stringClass(value)}"`;
  if (typeof value === 'number') return Number.isInteger(value) ? (value > 0 ? 'P' : value === 0 ? 'Z' : 'N') : 'D';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(shapeOf).join(',')}]`;
  const record = value as Record<string, unknown>;
  let order = '';
  if (typeof record.start === 'string' && typeof record.end === 'string')
    order = Date.parse(record.start) <= Date.parse(record.end) ? '<=' : '>';
  return `{${order}${Object.keys(record)
    .map((k) => `${k}:${shapeOf(record[k])}`)
    .join(',')}}`;
}

const shapeVerdicts = new Map<string, string[]>();

export function r4Problems(resource: Resource): string[] {
  loadR4Definitions();
  const shape = shapeOf(resource);
  const known = shapeVerdicts.get(shape);
  if (known) return known;
  const extensions: Extension[] = [];
  const bare = withoutExtensions(resource, extensions) as Resource;
  const problems = [...problemsOf(bare), ...extensions.flatMap(extensionProblems)];
  if (shapeVerdicts.size >= MAX_REMEMBERED) shapeVerdicts.clear();
  shapeVerdicts.set(shape, problems);
  return problems;
}
