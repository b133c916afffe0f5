// auth.* and clerks.* — signing in, locking, and the accounts themselves.
import { z } from 'zod';
import { DepartmentCode } from '../fields';
import type { MethodSpec } from '../method-spec';
import { CounterIdentityInput } from './counter-schemas';
import { AuthStatus, Clerk, DisplayName, Password, Role, SessionGrant, SessionView, Username } from './auth-schemas';

const Credentials = z.object({ username: Username, password: z.string().min(1).max(128) }).strict();

export const authMethods = {
  'auth.status': {
    summary: 'Whether accounts exist yet, and the session this window holds.',
    input: z.object({}).strict(),
    output: AuthStatus,
  },
  'auth.setup': {
    summary:
      'On a new counter only: say who the counter is (hospital, UHID prefix, letter, time zone) and create the first account (an administrator), signed in. Identity fields set by the start-up configuration may be left out.',
    input: z
      .object({
        username: Username,
        displayName: DisplayName,
        password: Password,
        counter: CounterIdentityInput.partial().strict().optional(),
      })
      .strict(),
    output: SessionGrant,
  },
  'auth.signIn': {
    summary: 'Sign a clerk in at this window.',
    input: Credentials,
    output: SessionGrant,
  },
  'auth.startKiosk': {
    summary: 'A supervisor starts the entrance kiosk on this window: a session that can only give tokens for scanned cards.',
    input: Credentials,
    output: SessionGrant,
  },
  'auth.startBoard': {
    summary:
      "A supervisor starts a hall board on this window: a session that may only read its departments' board feed, kept across restarts until ended.",
    input: z
      .object({
        username: Username,
        password: z.string().min(1).max(128),
        departmentCodes: z.array(DepartmentCode).min(1).max(12),
        showFirstNames: z.boolean().default(false),
      })
      .strict(),
    output: SessionGrant,
  },
  'auth.signOut': {
    summary: "End this window's session.",
    input: z.object({}).strict(),
    output: z.object({ signedOut: z.literal(true) }),
  },
  'auth.lock': {
    summary: 'Lock the counter now (the clerk steps away); the same password opens it.',
    input: z.object({}).strict(),
    output: SessionView,
  },
  'auth.touch': {
    summary: 'The clerk is at the counter (typing a long form makes no other call): keeps the idle lock away.',
    input: z.object({}).strict(),
    output: SessionView,
  },
  'auth.unlock': {
    summary: "Open a locked counter with the signed-in clerk's password.",
    input: z.object({ password: z.string().min(1).max(128) }).strict(),
    output: SessionView,
  },
  'clerks.list': {
    summary: 'Every account, active or not.',
    input: z.object({}).strict(),
    output: z.array(Clerk),
  },
  'clerks.create': {
    summary: 'Create an account.',
    input: z.object({ username: Username, displayName: DisplayName, role: Role, password: Password }).strict(),
    output: Clerk,
  },
  'clerks.update': {
    summary:
      'Change an account: name, role, active, or set a new password. Accounts are never deleted (the audit log names them).',
    input: z
      .object({
        id: z.string().min(1).max(64),
        displayName: DisplayName.optional(),
        role: Role.optional(),
        active: z.boolean().optional(),
        password: Password.optional(),
      })
      .strict(),
    output: Clerk,
  },
} as const satisfies Record<string, MethodSpec>;
