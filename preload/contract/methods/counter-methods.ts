// counter.* — who this counter is.
import { z } from 'zod';
import type { MethodSpec } from '../method-spec';
import { CounterInfo, CounterLetter, HospitalCode, HospitalName, HospitalNameHi, TimeZone } from './counter-schemas';

export const counterMethods = {
  'counter.info': {
    summary: 'Who this counter is: letter, hospital, whether another counter uses the letter, versions and the local date.',
    input: z.object({}).strict(),
    output: CounterInfo,
  },
  'counter.update': {
    summary:
      "Change this counter's hospital name (in English and in Hindi) or time zone (audited). The letter and hospital code change only while nothing was issued with them.",
    input: z
      .object({
        hospitalName: HospitalName.optional(),
        hospitalNameHi: HospitalNameHi.optional(),
        timeZone: TimeZone.optional(),
        counterLetter: CounterLetter.optional(),
        hospitalCode: HospitalCode.optional(),
      })
      .strict(),
    output: CounterInfo,
  },
} as const satisfies Record<string, MethodSpec>;
