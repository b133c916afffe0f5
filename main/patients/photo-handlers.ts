// patients.setPhoto / photo / removePhoto and photos.* (preload/contract/methods/photo-methods.ts).
import { appendAudit } from '../audit/audit-log';
import { AppError, notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import { enqueueOutbox } from '../core/outbox';
import type { HandlerMap } from '../core/registry';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { MAX_PHOTO_BYTES } from '../../preload/contract/methods/photo-methods';
import { requireNotMerged } from './merge-store';
import { toPatient, type PatientRow } from './patient-rows';
import { patientById } from './patient-store';
import { deletePhoto, isJpeg, photoOf, photosGoToHims, savePhoto, setPhotosGoToHims } from './photo-store';

export function photoHandlers(ctx: CoreContext): HandlerMap {
  const { db } = ctx;

  /** A new photo is a change of the record: its version moves and the HIMS may learn of it. */
  function bump(row: PatientRow, at: string) {
    sql(db, 'UPDATE patients SET version = version + 1, updated_at = ? WHERE pk = ?').run(at, row.pk);
    enqueueOutbox(db, { entity: 'patient', entityId: row.id, operation: 'update', version: row.version + 1, at });
  }

  return {
    'patients.setPhoto': ({ patientId, jpeg, width, height }, call) => {
      const bytes = Buffer.from(jpeg, 'base64');
      if (!isJpeg(bytes) || bytes.length > MAX_PHOTO_BYTES) {
        throw new AppError('VALIDATION_FAILED', `jpeg: is not a JPEG photo of at most ${MAX_PHOTO_BYTES / 1024} KB`, {
          field: 'jpeg',
        });
      }
      return writeTransaction(db, () => {
        const row = patientById(db, patientId);
        if (!row) throw notFound('patient', 'patientId');
        requireNotMerged(db, row, 'patientId');
        const at = nowIso(ctx);
        savePhoto(db, { patientPk: row.pk, jpeg: bytes, width, height, consentBy: call.actor, at });
        bump(row, at);
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'patient.photo',
          entity: 'patient',
          entityId: patientId,
          detail: { consent: true, bytes: bytes.length },
        });
        return toPatient(patientById(db, patientId)!, today(ctx));
      });
    },
    'patients.photo': ({ patientId }) => {
      const row = patientById(db, patientId);
      if (!row) throw notFound('patient', 'patientId');
      const photo = photoOf(db, row.pk);
      return photo
        ? { jpeg: photo.jpeg.toString('base64'), width: photo.width, height: photo.height, takenAt: photo.taken_at }
        : null;
    },
    'patients.removePhoto': ({ patientId }, call) =>
      writeTransaction(db, () => {
        const row = patientById(db, patientId);
        if (!row) throw notFound('patient', 'patientId');
        const at = nowIso(ctx);
        if (deletePhoto(db, row.pk)) {
          bump(row, at);
          appendAudit(db, { at, actor: call.actor, action: 'patient.photoRemoved', entity: 'patient', entityId: patientId });
        }
        return toPatient(patientById(db, patientId)!, today(ctx));
      }),
    'photos.getSettings': () => ({ sendToHims: photosGoToHims(db) }),
    'photos.saveSettings': ({ sendToHims }, call) =>
      writeTransaction(db, () => {
        setPhotosGoToHims(db, sendToHims);
        appendAudit(db, {
          at: nowIso(ctx),
          actor: call.actor,
          action: 'photos.settings',
          entity: 'settings',
          entityId: 'photos',
          detail: { sendToHims },
        });
        return { sendToHims };
      }),
  };
}
