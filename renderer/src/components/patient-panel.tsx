// The chosen patient and the token to give them. Keyboard: the key shown on a
// department picks it (when not typing in a field), Enter issues.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CallError, Department, MethodInput, Patient, PatientSummary, Token } from '../../../preload/contract';
import { isTypingTarget, useKeyHandler } from '../hooks/use-key-handler';
import type { ActionResult } from '../hooks/use-queue';
import type { Language } from '../i18n';
import { departmentName } from '../lib/format';
import { keyLetter } from '../lib/key-place';
import { newId } from '../lib/new-id';
import { CallErrorMessage } from './call-error-message';
import { DepartmentPicker } from './department-picker';
import { PatientFacts } from './patient-facts';
import { TokenOptions, type TokenChoices } from './token-options';
import { CardSlipButton } from '../printing/card-slip-button';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { FeePanel, feeShown, type FeeEntry } from '../money/fee-panel';
import { useFeeQuote, useFeeSettings } from '../money/use-fees';
import { inr } from '../../../preload/contract/money';
import { useMoneyT } from '../money/use-money-t';
import { PatientDoorFacts } from '../patients/patient-door-facts';
import { EMPTY_MLC, MlcFields, mlcInput } from '../patients/mlc-fields';

/** Alt+M ticks "Medico-legal case" (read by the key's place, as every key of the counter). */
const MLC_KEY = 'M';

/** Senior-citizen queues start at 60 in Indian public hospitals; the clerk can change it. */
const SENIOR_AGE = 60;

interface Props {
  patient: PatientSummary;
  details: Patient | null;
  detailsError: CallError | null;
  tokensToday: Token[];
  departments: Department[];
  departmentByCode: ReadonlyMap<string, Department>;
  language: Language;
  issue: (input: MethodInput<'tokens.issue'>) => Promise<ActionResult<Token>>;
  pending: boolean;
  onClose: () => void;
  /** Today's date, and what to do when the record changes here or another record is opened from it. */
  today: string;
  onPatientChanged: (patient: Patient) => void;
  onOpenPatient: (patient: Patient) => void;
}

export function PatientPanel(props: Props) {
  const { patient, details, detailsError, tokensToday, departments, departmentByCode, language, issue, pending, onClose } = props;
  const [isMlc, setIsMlc] = useState(false);
  const [mlc, setMlc] = useState(EMPTY_MLC);
  const { t } = useTranslation();
  const tm = useMoneyT();
  const panelRef = useRef<HTMLElement>(null);
  // One id per patient shown: a retried issue after a lost answer returns the same token.
  const [tokenId] = useState(newId);
  const [department, setDepartment] = useState<string | null>(null);
  const [choices, setChoices] = useState<TokenChoices>({
    priority: patient.ageYears >= SENIOR_AGE ? 'senior' : 'none',
    visitType: 'new',
    feeCategory: 'general',
  });
  const [error, setError] = useState<CallError | null>(null);
  const [needDepartment, setNeedDepartment] = useState(false);
  // The visit's fee: priced by the core for the department and choices.
  const feeSettings = useFeeSettings();
  const [fee, setFee] = useState<FeeEntry>({ method: 'cash', proofType: 'bpl_card', proofNumber: '', upiRef: '' });
  const quoteInput = (code: string) => ({
    patientId: patient.id,
    departmentCode: code,
    visitType: choices.visitType,
    feeCategory: choices.feeCategory,
    tokenId,
  });
  const quote = useFeeQuote(department ? quoteInput(department) : null);
  const printQr = useCounterMutation('fees.printUpiRequest');
  const shownQuote = department ? quote.data : null;

  // The cursor leaves the search box so the department keys work at once.
  useEffect(() => panelRef.current?.focus(), []);

  async function issueFor(code: string | null) {
    if (code === null) {
      setNeedDepartment(true);
      return;
    }
    setNeedDepartment(false);
    setError(null);
    const mlcValue = isMlc ? mlcInput(mlc) : null;
    if (isMlc && !mlcValue) {
      setError({ code: 'VALIDATION_FAILED', message: t('door.mlc.needAll'), field: 'mlc' });
      return;
    }
    const priced = await quote.quoteFor(quoteInput(code));
    if (!priced.ok) {
      setError(priced.error);
      return;
    }
    const q = priced.value;
    // A fee the clerk has not seen yet is shown first; the next Enter collects it.
    if ((q.duePaise > 0 || q.proofRequired) && (code !== department || shownQuote === null)) {
      pick(code);
      return;
    }
    const payment =
      q.duePaise > 0
        ? {
            method: fee.method,
            amountPaise: q.duePaise,
            ...(fee.method === 'upi' && fee.upiRef.trim() ? { upiRef: fee.upiRef } : {}),
          }
        : undefined;
    const proof = q.proofRequired || (choices.feeCategory !== 'general' && fee.proofNumber.trim() !== '');
    const result = await issue({
      id: tokenId,
      patientId: patient.id,
      departmentCode: code,
      ...choices,
      ...(payment ? { payment } : {}),
      ...(mlcValue ? { mlc: mlcValue } : {}),
      ...(proof ? { exemptionProof: { type: fee.proofType, number: fee.proofNumber } } : {}),
    });
    if (result && !result.ok) {
      setError(result.error);
      // The fee may have changed meanwhile (a supervisor's new schedule): show the current one.
      if (result.error.code === 'PAYMENT_REQUIRED' || result.error.code === 'CONFLICT') quote.reload();
    }
  }

  function pick(code: string) {
    setDepartment(code);
    setNeedDepartment(false);
  }

  /** Medico-legal case ticked (Alt+M or the box) or not; ticked, the cursor goes to its first field. */
  function markMlc(on: boolean) {
    flushSync(() => setIsMlc(on));
    if (on) panelRef.current?.querySelector<HTMLElement>('[data-testid="mlc-number"]')?.focus();
  }

  /** Enter in the MLC fields: on to the next one still empty; from the last, the token is issued. */
  function onMlcKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    const inputs = [...e.currentTarget.querySelectorAll('input')];
    const next = inputs.slice(inputs.indexOf(e.target) + 1).find((input) => input.value.trim() === '');
    if (next) next.focus();
    else void issueFor(department);
  }

  useKeyHandler((e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
    // Only from this panel (or nowhere in particular): a key pressed in the
    // queue beside it belongs to the queue.
    const inPanel = e.target instanceof Node && panelRef.current?.contains(e.target);
    if (!inPanel && e.target !== document.body) return;
    if (e.altKey && keyLetter(e) === MLC_KEY) {
      e.preventDefault();
      markMlc(!isMlc);
      return;
    }
    if (e.altKey || isTypingTarget(e.target)) return;
    if (e.key === 'Enter') {
      // Buttons keep their own Enter (close, cancel in the queue …).
      if (e.target instanceof HTMLButtonElement) return;
      e.preventDefault();
      void issueFor(department);
      return;
    }
    const key = keyLetter(e);
    const match = key ? departments.find((d) => d.shortcut === key) : undefined;
    if (match) {
      e.preventDefault(); // or a focused select would jump to an option
      pick(match.code);
    }
  });

  return (
    <section className="patient-panel" data-testid="patient-panel" ref={panelRef} tabIndex={-1} aria-labelledby="patient-name">
      <div className="panel-title-row">
        <h2 id="patient-name" className="patient-name">
          {patient.name}
          {patient.nameOtherScript && (
            <span className="patient-name-other" lang={/[\u0900-\u097F]/.test(patient.nameOtherScript) ? 'hi' : 'en'}>
              {patient.nameOtherScript}
            </span>
          )}
        </h2>
        <button type="button" className="secondary small" data-testid="patient-close" onClick={onClose}>
          {t('panel.close')} <kbd>Esc</kbd>
        </button>
      </div>
      <PatientFacts patient={patient} details={details} />
      {details && (
        <PatientDoorFacts details={details} today={props.today} onChanged={props.onPatientChanged} onOpen={props.onOpenPatient} />
      )}
      <CardSlipButton key={patient.id} patientId={patient.id} />
      {detailsError && <CallErrorMessage error={detailsError} title={t('patient.loadFailed')} />}
      {tokensToday.length > 0 && (
        <p className="tokens-today" data-testid="tokens-today">
          {t('panel.tokensToday')}{' '}
          {tokensToday.map((tk) => (
            <span key={tk.id} className={`chip status-${tk.status}`}>
              {tk.label} {departmentName(departmentByCode.get(tk.departmentCode), tk.departmentCode, language)}
            </span>
          ))}
        </p>
      )}
      <h3>{t('panel.department')}</h3>
      <p className="hint">{t('panel.departmentHint')}</p>
      <DepartmentPicker
        departments={departments}
        selected={department}
        language={language}
        onSelect={pick}
        onSelectAndIssue={(code) => {
          pick(code);
          void issueFor(code);
        }}
      />
      <TokenOptions value={choices} onChange={setChoices} exemptions={feeSettings.data?.exemptions ?? []} />
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="token-mlc"
          aria-keyshortcuts={`Alt+${MLC_KEY}`}
          checked={isMlc}
          onChange={(e) => markMlc(e.target.checked)}
        />
        {t('door.mlc.toggle')} <kbd>Alt+{MLC_KEY}</kbd>
      </label>
      <div onKeyDown={onMlcKey}>{isMlc && <MlcFields value={mlc} onChange={setMlc} />}</div>
      {/* Kept on screen at the foot of the work area: what Enter will collect, and the button that does it. */}
      <div className="panel-actions" data-testid="panel-actions">
        <FeePanel
          quote={shownQuote}
          entry={fee}
          onChange={setFee}
          printing={printQr.pending}
          onPrintQr={() => {
            if (department) void printQr.run(quoteInput(department)).then((r) => r && !r.ok && setError(r.error));
          }}
        />
        {quote.error && department && <CallErrorMessage error={quote.error} title={tm('fee.title')} testId="fee-error" />}
        {needDepartment && (
          <p className="field-error" role="alert" data-testid="issue-need-department">
            {t('panel.chooseDepartment')}
          </p>
        )}
        {error && <CallErrorMessage error={error} title={t('panel.issueFailed')} testId="issue-error" />}
        <div className="form-actions">
          <button
            type="button"
            className="primary big"
            data-testid="issue-token"
            disabled={pending}
            onClick={() => void issueFor(department)}
          >
            {pending
              ? t('panel.issuing')
              : shownQuote && feeShown(shownQuote) && shownQuote.duePaise > 0
                ? tm(fee.method === 'upi' ? 'pay.issueUpi' : 'pay.issueCash', { amount: inr(shownQuote.duePaise) })
                : t('panel.issue')}{' '}
            <kbd>Enter</kbd>
          </button>
        </div>
      </div>
    </section>
  );
}
