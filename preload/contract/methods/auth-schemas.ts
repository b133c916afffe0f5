// Clerk accounts and desk sessions (docs/design.md §7): who may do what at this
// counter. A desk session is what a signed-in clerk (or a kiosk started by a
// supervisor) holds; every call from the window or page carries its token.
import { z } from 'zod';
import { requiredText } from '../fields';

/** Each role can do everything the ones before it can. */
export const Role = z.enum(['clerk', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, { message: 'use 3–32 letters, digits, dot, dash or underscore, starting with a letter' });

/** Long passphrases are welcome; argon2id takes any length, the cap only bounds the work. */
export const Password = z
  .string()
  .min(8, { message: 'use at least 8 characters' })
  .max(128, { message: 'use at most 128 characters' });

export const DisplayName = requiredText(60);

export const Clerk = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  active: z.boolean(),
  createdAt: z.string(),
});
export type Clerk = z.infer<typeof Clerk>;

/** A hall board's standing orders, fixed by the supervisor who started it. */
export const BoardGrant = z.object({ departmentCodes: z.array(z.string()), showFirstNames: z.boolean() });
export type BoardGrant = z.infer<typeof BoardGrant>;

export const SessionView = z.object({
  kind: z.enum(['clerk', 'kiosk', 'board']),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** Locked after idleLockMinutes without the clerk touching the counter; the password opens it again. */
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** A hall board's departments and whether it shows first names (boards only). */
  board: BoardGrant.optional(),
});
export type SessionView = z.infer<typeof SessionView>;

/** A new desk session: the token goes with every later call from this window. */
export const SessionGrant = z.object({ token: z.string(), session: SessionView });
export type SessionGrant = z.infer<typeof SessionGrant>;

export const AuthStatus = z.object({
  /** No clerk account exists yet: the first one made is the administrator. */
  setupNeeded: z.boolean(),
  /** This window's session, if its token is still valid. */
  session: SessionView.nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;
