// The entrance kiosk (`?mode=kiosk`): a patient scans their card, picks a
// department and gets a token, without a clerk. A card we cannot place (no
// patient here, refused, or signed by an issuer we cannot verify) sends the
// patient to the counter; unsigned ids (UHID, ABHA) count as at the counter. tokens.issue queues the token slip
// itself; a repeat shows the same token and reprints its slip. The "go to the
// counter" notice is shown and printed (print.notice, use-counter-notice.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, PatientSummary, Token } from '../../../preload/contract';
import { Token as TokenSchema } from '../../../preload/contract/records';
import { callCounter } from '../api/counter-client';
import { useCounterSetup } from '../hooks/use-counter-setup';
import { currentLanguage } from '../i18n';
import { departmentName } from '../lib/format';
import { newId } from '../lib/new-id';
import { CameraScanner } from '../scanning/lazy-camera-scanner';
import { useCardScan, type ScanOutcome } from '../scanning/use-card-scan';
import { scannedIdOf, useCounterNotice } from './use-counter-notice';
import './kiosk.css';
import { hospitalNameIn } from '../lib/hospital-name';

type Step =
  | { name: 'scan' }
  | { name: 'department'; patient: PatientSummary }
  | { name: 'token'; token: Token; again: boolean }
  | { name: 'counter'; why: 'unknown' | 'refused' | 'unverified' | 'failed'; scannedId: string | null };

/** How long a result stays before the kiosk is ready for the next patient. */
const RESET_MS = { department: 60_000, token: 20_000, counter: 15_000 };

/** Where the patient goes next from a scan. */
export function stepForScan(outcome: ScanOutcome): Step {
  if (outcome.error || !outcome.result) return { name: 'counter', why: 'refused', scannedId: null };
  const { patient, verification } = outcome.result;
  // A card that claims a signer we cannot check is for a clerk to look at.
  if (verification.state === 'unverified') return { name: 'counter', why: 'unverified', scannedId: scannedIdOf(outcome) };
  return patient ? { name: 'department', patient } : { name: 'counter', why: 'unknown', scannedId: scannedIdOf(outcome) };
}

/** Browsers allow full screen only after a touch or a click: the first one asks for it. */
function enterFullscreen() {
  if (!document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function KioskScreen() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const setup = useCounterSetup();
  const [step, setStep] = useState<Step>({ name: 'scan' });
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const notice = useCounterNotice(step.name === 'counter' ? step : null);
  const scanner = useCardScan(
    (outcome) => {
      setCamera(false);
      setStep(stepForScan(outcome));
    },
    { wedge: step.name === 'scan' && !camera },
  );

  useEffect(() => {
    if (step.name === 'scan') return;
    const timer = window.setTimeout(() => setStep({ name: 'scan' }), RESET_MS[step.name]);
    return () => window.clearTimeout(timer);
  }, [step]);

  async function issue(patient: PatientSummary, department: Department) {
    setBusy(true);
    const result = await callCounter('tokens.issue', { id: newId(), patientId: patient.id, departmentCode: department.code });
    setBusy(false);
    if (result.ok) return setStep({ name: 'token', token: result.value, again: false });
    // Already in that queue today: show the same token, never a second number.
    const existing = TokenSchema.safeParse((result.error.details as { token?: unknown } | undefined)?.token);
    if (result.error.code === 'CONFLICT' && existing.success) {
      // Most often the first slip was lost: print it again, marked DUPLICATE.
      void callCounter('print.reprint', { tokenId: existing.data.id });
      return setStep({ name: 'token', token: existing.data, again: true });
    }
    setStep({ name: 'counter', why: 'failed', scannedId: null });
  }

  return (
    <div className="kiosk" data-testid="kiosk" data-step={step.name} onPointerDown={enterFullscreen}>
      <header className="kiosk-header">
        <h1>{setup.info ? hospitalNameIn(setup.info, language) : t('app.title')}</h1>
        <button type="button" className="kiosk-lang" onClick={() => void i18n.changeLanguage(language === 'en' ? 'hi' : 'en')}>
          {language === 'en' ? 'हिन्दी' : 'English'}
        </button>
      </header>
      <main className="kiosk-body">
        {step.name === 'scan' && (
          <section className="kiosk-step" data-testid="kiosk-scan">
            <p className="kiosk-big">{t('kiosk.scanPrompt')}</p>
            <p className="kiosk-hint">{t('kiosk.scanHint')}</p>
            {scanner.pending && <p role="status">{t('kiosk.reading')}</p>}
            <button type="button" className="kiosk-button" data-testid="kiosk-camera" onClick={() => setCamera(true)}>
              {t('kiosk.useCamera')}
            </button>
          </section>
        )}
        {step.name === 'department' && (
          <section className="kiosk-step" data-testid="kiosk-departments">
            <p className="kiosk-big">{t('kiosk.hello', { name: step.patient.name })}</p>
            <p className="kiosk-hint">{t('kiosk.pickDepartment')}</p>
            <div className="kiosk-grid">
              {setup.departments.map((d) => (
                <button
                  key={d.code}
                  type="button"
                  className="kiosk-button"
                  disabled={busy}
                  data-testid={`kiosk-dept-${d.code}`}
                  onClick={() => void issue(step.patient, d)}
                >
                  {departmentName(d, d.code, language)}
                </button>
              ))}
            </div>
            <button type="button" className="kiosk-cancel" onClick={() => setStep({ name: 'scan' })}>
              {t('kiosk.cancel')}
            </button>
          </section>
        )}
        {step.name === 'token' && (
          <section className="kiosk-step" data-testid="kiosk-token" aria-live="polite">
            <p className="kiosk-hint">{step.again ? t('kiosk.alreadyHave') : t('kiosk.yourToken')}</p>
            <p className="kiosk-token" data-testid="kiosk-token-label">
              {step.token.label}
            </p>
            <p className="kiosk-big">
              {departmentName(setup.departmentByCode.get(step.token.departmentCode), step.token.departmentCode, language)} ·{' '}
              {t('kiosk.room', { room: step.token.room })}
            </p>
            <button type="button" className="kiosk-button" onClick={() => setStep({ name: 'scan' })}>
              {t('kiosk.done')}
            </button>
          </section>
        )}
        {step.name === 'counter' && (
          <section className="kiosk-step kiosk-slip" data-testid="kiosk-counter" data-why={step.why}>
            <p className="kiosk-big">{t('kiosk.goToCounter')}</p>
            <p className="kiosk-hint">{t(`kiosk.why.${step.why}`)}</p>
            {notice === 'printing' && (
              <p className="kiosk-hint" role="status" data-testid="kiosk-notice-printing">
                {t('kiosk.takeSlip')}
              </p>
            )}
            <button type="button" className="kiosk-button" onClick={() => setStep({ name: 'scan' })}>
              {t('kiosk.done')}
            </button>
          </section>
        )}
      </main>
      {camera && <CameraScanner onScan={(text) => void scanner.scan(text, 'kiosk')} onClose={() => setCamera(false)} />}
    </div>
  );
}
