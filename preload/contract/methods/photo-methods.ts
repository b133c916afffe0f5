// Patient photos: taken at the counter's webcam with consent,
// about 20 KB of JPEG, sent to the HIMS only if the hospital turns that on.
import { z } from 'zod';
import { Uuid } from '../fields';
import { Patient } from '../records';
import type { MethodSpec } from '../method-spec';

/**
 * The one limit on a photo's JPEG: the camera aims at about 20 KB and lowers
 * the quality to fit, the contract and the core refuse more, docs say the same.
 */
export const MAX_PHOTO_BYTES = 24 * 1024;
const MAX_PHOTO_WORDS = `${MAX_PHOTO_BYTES / 1024} KB`;

const Base64Jpeg = z
  .string()
  .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4, { message: `must be at most ${MAX_PHOTO_WORDS}` })
  .regex(/^\/9j\/[A-Za-z0-9+/]+={0,2}$/, { message: 'must be a JPEG image, base64-encoded' });

export const PhotoSettings = z.object({
  /** Send the photo to the HIMS as Patient.photo. Off by default. */
  sendToHims: z.boolean(),
});

export const photoMethods = {
  'patients.setPhoto': {
    summary: `Keep the patient's photo (JPEG of at most ${MAX_PHOTO_WORDS}, base64), with their consent; replaces an earlier one.`,
    input: z
      .object({
        patientId: Uuid,
        jpeg: Base64Jpeg,
        width: z.number().int().min(32).max(1024),
        height: z.number().int().min(32).max(1024),
        /** The patient agreed to the photo; the clerk recording it is audited. */
        consent: z.literal(true, { message: 'the patient must agree to the photo' }),
      })
      .strict(),
    output: Patient,
  },
  'patients.photo': {
    summary: "The patient's photo, or null.",
    input: z.object({ patientId: Uuid }).strict(),
    output: z.object({ jpeg: z.string(), width: z.number().int(), height: z.number().int(), takenAt: z.string() }).nullable(),
  },
  'patients.removePhoto': {
    summary: 'Delete the photo (the patient withdrew consent).',
    input: z.object({ patientId: Uuid }).strict(),
    output: Patient,
  },
  'photos.getSettings': {
    summary: 'Whether photos are sent to the HIMS.',
    input: z.object({}).strict(),
    output: PhotoSettings,
  },
  'photos.saveSettings': {
    summary: 'Turn sending photos to the HIMS on or off (the hospital decides).',
    input: PhotoSettings.strict(),
    output: PhotoSettings,
  },
} as const satisfies Record<string, MethodSpec>;
