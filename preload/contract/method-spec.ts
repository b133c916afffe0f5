import type { z } from 'zod';

/** One method of the contract: what it does, what it takes, what it returns. */
export interface MethodSpec {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Joins each area's methods into the one contract. A name defined twice is a
 * bug, caught when the module loads rather than by one area silently winning.
 */
export function joinMethods<T extends Record<string, MethodSpec>[]>(...areas: T): UnionToIntersection<T[number]> {
  const joined: Record<string, MethodSpec> = {};
  for (const area of areas) {
    for (const [name, spec] of Object.entries(area)) {
      if (Object.hasOwn(joined, name)) throw new Error(`contract method "${name}" is defined twice`);
      joined[name] = spec;
    }
  }
  return joined as UnionToIntersection<T[number]>;
}
