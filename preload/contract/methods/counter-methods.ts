// counter.* — who this counter is.
import { z } from 'zod';
import { CounterInfo } from '../records';
import type { MethodSpec } from '../method-spec';

export const counterMethods = {
  'counter.info': {
    summary: 'Who this counter is: letter, hospital, versions and the local date.',
    input: z.object({}).strict(),
    output: CounterInfo,
  },
} as const satisfies Record<string, MethodSpec>;
