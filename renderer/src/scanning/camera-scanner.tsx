// Webcam scanning (docs/design.md §4): @zxing/browser handles the camera (device
// list, attaching the stream, torch), zxing-wasm decodes frames in a worker.
// A frame guide shows where to hold the card; on success it beeps, stops the
// camera and hands the text to the one scan path.
import { BrowserCodeReader } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beep } from './beep';
import { createFrameDecoder } from './frame-decoder';
import './scanning.css';

interface Props {
  onScan: (text: string) => void;
  onClose: () => void;
}

/** Frames wider than this are scaled down before decoding: faster, and a card QR stays far above the minimum module size. */
const MAX_DECODE_WIDTH = 960;
const FRAME_INTERVAL_MS = 60;

type CameraState = 'starting' | 'scanning' | 'no_camera' | 'denied';

export function CameraScanner({ onScan, onClose }: Props) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [state, setState] = useState<CameraState>('starting');
  const [track, setTrack] = useState<MediaStreamTrack | null>(null);
  const [torchOn, setTorchOn] = useState(false);

  // The cursor comes in: Escape (heard by the counter screen) closes it from here.
  useEffect(() => viewRef.current?.focus(), []);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    const decoder = createFrameDecoder();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });

    function stop() {
      stopped = true;
      window.clearTimeout(timer);
      decoder.close();
      stream?.getTracks().forEach((tr) => tr.stop());
      BrowserCodeReader.cleanVideoSource(video!);
    }

    async function tick() {
      if (stopped || !ctx) return;
      if (video!.readyState >= 2 && video!.videoWidth > 0) {
        const scale = Math.min(1, MAX_DECODE_WIDTH / video!.videoWidth);
        canvas.width = Math.round(video!.videoWidth * scale);
        canvas.height = Math.round(video!.videoHeight * scale);
        ctx.drawImage(video!, 0, 0, canvas.width, canvas.height);
        const text = await decoder.decode(ctx.getImageData(0, 0, canvas.width, canvas.height));
        if (stopped) return;
        if (text) {
          beep();
          stop();
          onScan(text);
          return;
        }
      }
      timer = window.setTimeout(() => void tick(), FRAME_INTERVAL_MS);
    }

    async function start() {
      try {
        const constraints: MediaTrackConstraints = deviceId
          ? { deviceId: { exact: deviceId } }
          : { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } };
        stream = await navigator.mediaDevices.getUserMedia({ video: constraints, audio: false });
        if (stopped) return stop();
        BrowserCodeReader.addVideoSource(video!, stream);
        await BrowserCodeReader.tryPlayVideo(video!);
        const videoTrack = stream.getVideoTracks()[0] ?? null;
        setTrack(videoTrack && BrowserCodeReader.mediaStreamIsTorchCompatibleTrack(videoTrack) ? videoTrack : null);
        setState('scanning');
        setDevices(await BrowserCodeReader.listVideoInputDevices());
        void tick();
      } catch (err) {
        if (stopped) return;
        const name = err instanceof DOMException ? err.name : '';
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'no_camera');
      }
    }

    void start();
    return stop;
    // onScan is called once per opening; a new deviceId restarts the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deviceId]);

  async function toggleTorch() {
    if (!track) return;
    await BrowserCodeReader.mediaStreamSetTorch(track, !torchOn).catch(() => undefined);
    setTorchOn(!torchOn);
  }

  return (
    <div
      ref={viewRef}
      tabIndex={-1}
      className="camera-scanner"
      role="dialog"
      aria-modal="true"
      aria-label={t('scanning.camera.title')}
      data-testid="camera-scanner"
    >
      <div className="camera-header">
        <h2>{t('scanning.camera.title')}</h2>
        {devices.length > 1 && (
          <label>
            {t('scanning.camera.choose')}{' '}
            <select value={deviceId} onChange={(e) => setDeviceId(e.target.value)} data-testid="camera-choice">
              <option value="">{t('scanning.camera.default')}</option>
              {devices.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('scanning.camera.numbered', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        )}
        {track && (
          <button
            type="button"
            className="secondary small"
            onClick={() => void toggleTorch()}
            aria-pressed={torchOn}
            data-testid="camera-torch"
          >
            {torchOn ? t('scanning.camera.torchOff') : t('scanning.camera.torchOn')}
          </button>
        )}
        <button type="button" className="secondary small" onClick={onClose} data-testid="camera-close">
          {t('scanning.camera.close')} <kbd>Esc</kbd>
        </button>
      </div>
      <div className="camera-view">
        <video ref={videoRef} muted playsInline className="camera-video" />
        <div className="camera-guide" aria-hidden="true" />
        <p className="camera-status" role="status" data-testid="camera-status">
          {t(`scanning.camera.${state}`)}
        </p>
      </div>
    </div>
  );
}
