// The patient's photo from the counter's webcam, with the same
// camera handling as the card scanner (@zxing/browser attaches the stream).
// The middle of the frame is cropped to a passport-like 4:5 and made a JPEG of
// about 20 KB, lowering the quality until it fits the contract's limit
// (MAX_PHOTO_BYTES, which the core enforces too); the patient's consent is
// ticked before it can be kept.
import { BrowserCodeReader } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Patient } from '../../../preload/contract';
import { MAX_PHOTO_BYTES } from '../../../preload/contract/methods/photo-methods';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { DoorDialog } from './door-dialog';

export const PHOTO_SIZE = { width: 192, height: 240 };

type CameraState = 'starting' | 'live' | 'no_camera' | 'denied';

interface Snapshot {
  base64: string;
  bytes: number;
  url: string;
}

/** Crop the middle 4:5 of the frame, scale it to 192 × 240, and encode as small a JPEG as still looks right. */
async function snapshot(video: HTMLVideoElement): Promise<Snapshot> {
  const canvas = document.createElement('canvas');
  canvas.width = PHOTO_SIZE.width;
  canvas.height = PHOTO_SIZE.height;
  const ctx = canvas.getContext('2d')!;
  const vw = video.videoWidth;
  const vh = video.videoHeight;
  const cropH = Math.min(vh, (vw * 5) / 4);
  const cropW = (cropH * 4) / 5;
  ctx.drawImage(video, (vw - cropW) / 2, (vh - cropH) / 2, cropW, cropH, 0, 0, canvas.width, canvas.height);
  let blob: Blob | null = null;
  for (const quality of [0.85, 0.75, 0.65, 0.55, 0.45, 0.35]) {
    blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= MAX_PHOTO_BYTES) break;
  }
  const bytes = new Uint8Array(await blob!.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { base64: btoa(binary), bytes: bytes.length, url: URL.createObjectURL(blob!) };
}

interface Props {
  patient: Pick<Patient, 'id' | 'name'>;
  onClose: () => void;
  onSaved: (patient: Patient) => void;
}

export function PhotoCapture({ patient, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [shot, setShot] = useState<Snapshot | null>(null);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const save = useCounterMutation('patients.setPhoto');

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        });
        if (stopped) return stream.getTracks().forEach((tr) => tr.stop());
        BrowserCodeReader.addVideoSource(video, stream);
        await BrowserCodeReader.tryPlayVideo(video);
        setState('live');
      } catch (err) {
        if (stopped) return;
        const name = err instanceof DOMException ? err.name : '';
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'no_camera');
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
      BrowserCodeReader.cleanVideoSource(video);
    };
  }, []);

  useEffect(
    () => () => {
      if (shot) URL.revokeObjectURL(shot.url);
    },
    [shot],
  );

  async function take() {
    const video = videoRef.current;
    if (video && video.videoWidth > 0) setShot(await snapshot(video));
  }

  async function keep() {
    if (!shot || !consent) return;
    setError(null);
    const result = await save.run({ patientId: patient.id, jpeg: shot.base64, ...PHOTO_SIZE, consent: true });
    if (result?.ok) onSaved(result.value);
    else if (result) setError(result.error);
  }

  return (
    <DoorDialog title={t('door.photo.title', { name: patient.name })} testId="photo-capture" onClose={onClose}>
      <div className="photo-capture-body">
        <div className="photo-view">
          <video ref={videoRef} muted playsInline className="photo-video" hidden={shot !== null} />
          <div className="photo-guide" aria-hidden="true" hidden={shot !== null} />
          {shot && (
            <img
              src={shot.url}
              alt={t('door.photo.preview')}
              className="photo-preview"
              data-testid="photo-preview"
              data-bytes={shot.bytes}
            />
          )}
          <p className="camera-status" role="status" data-testid="photo-status">
            {shot ? t('door.photo.size', { kb: Math.round(shot.bytes / 1024) }) : t(`door.photo.camera.${state}`)}
          </p>
        </div>
        <div className="photo-actions">
          {shot ? (
            <button type="button" className="secondary" data-testid="photo-retake" onClick={() => setShot(null)}>
              {t('door.photo.retake')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              data-testid="photo-snap"
              disabled={state !== 'live'}
              onClick={() => void take()}
            >
              {t('door.photo.snap')}
            </button>
          )}
          <label className="toggle">
            <input type="checkbox" data-testid="photo-consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            {t('door.photo.consent')}
          </label>
          <button
            type="button"
            className="primary"
            data-testid="photo-save"
            disabled={!shot || !consent || save.pending}
            onClick={() => void keep()}
          >
            {t('door.photo.save')}
          </button>
          {error && <CallErrorMessage error={error} title={t('door.photo.failed')} testId="photo-error" />}
        </div>
      </div>
    </DoorDialog>
  );
}
