// Password hashing with argon2id (RFC 9106) through @node-rs/argon2, a
// Node-API module: one binary serves Node and Electron alike. Parameters are
// OWASP's first recommendation (19 MiB, 2 passes, 1 lane): about 15 ms here,
// cheap for a sign-in, costly for anyone guessing against a stolen file.
import { hash, verify } from '@node-rs/argon2';

const PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum isolatedModules cannot read */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** A hash of nothing anyone knows: verified against when a username does not exist, so the answer takes as long. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  const target = storedHash ?? (await (decoy ??= hashPassword(`decoy-${Math.random()}`)));
  try {
    return (await verify(target, password)) && storedHash !== null;
  } catch {
    return false; // a damaged hash opens nothing
  }
}
