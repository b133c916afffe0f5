// Registering a patient who was not found. The form follows the search text
// until the clerk types into it, has one client-made id for its whole life
// (so a double Enter or a retry never registers twice) and puts the cursor
// on the first field the core refused.
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CallError, CallResult, DuplicateCandidate, Patient, PatientSummary } from '../../../preload/contract';
import { DuplicateDetails } from '../../../preload/contract/records';
import { keyLetter } from '../lib/key-place';
import { newId } from '../lib/new-id';
import type { QueryPrefill } from '../lib/query-prefill';
import {
  buildRegisterInput,
  clearErrorsFor,
  emptyValues,
  FIELD_PATHS,
  firstErrorPath,
  mapCallError,
  nextOnEnter,
  ONE_KEY,
  showsAgeMonths,
  type FieldErrors,
  type FieldPath,
  type RegisterInput,
  type RegistrationValues,
} from '../lib/registration-form';
import { CallErrorMessage } from './call-error-message';
import { DuplicateWarning } from './duplicate-warning';
import { fieldIds } from './form-field';
import { RegistrationFields } from './registration-fields';
import { fillFromPin, isCompletePin, type LastFill, type PinAnswer } from '../lib/pin-fill';
import { useDistricts, usePincodeLookup, useStates } from '../patients/use-places';
import { useRefusalWords, type Refusal } from '../i18n/use-refusal-words';

/** Said at the PIN field as soon as the directory does not know the PIN (the core says the same on Register). */
const UNKNOWN_PIN: Refusal = { reason: 'pin_unknown' };

/** What separates a date's day from its month when a clerk types one (parse-dob.ts reads them all). */
const DATE_SEPARATORS = ['-', '/', '.'];

function pathOf(target: EventTarget): FieldPath | null {
  if (!(target instanceof HTMLElement)) return null;
  return FIELD_PATHS.find((p) => fieldIds(p).input === target.id) ?? null;
}

export interface RegistrationFormHandle {
  /** Put the cursor on the first required field still empty. */
  focusFirstEmpty: () => void;
}

interface Props {
  prefill: QueryPrefill;
  register: (input: RegisterInput) => Promise<CallResult<Patient> | null>;
  pending: boolean;
  onRegistered: (patient: Patient) => void;
  onUseExisting: (patient: PatientSummary) => void;
  onClose: () => void;
  /** Told once, when the clerk first types here: the form must then stay open. */
  onEdited: () => void;
  handleRef: Ref<RegistrationFormHandle>;
  /** Opened on purpose (F2, Enter on "not found"): take the cursor. Opened by a search: leave it. */
  autoFocus: boolean;
  /** Values read from a scanned card (renderer/src/scanning/card-prefill.ts); they win over the search text. */
  initialValues?: RegistrationValues | undefined;
}

function focusField(path: FieldPath | null) {
  if (path) document.getElementById(fieldIds(path).input)?.focus();
}

function candidatesOf(error: CallError): DuplicateCandidate[] {
  const parsed = DuplicateDetails.safeParse(error.details);
  return parsed.success ? parsed.data.candidates : [];
}

export function RegistrationForm(props: Props) {
  const { prefill, register, pending, onRegistered, onUseExisting, onClose, onEdited, handleRef, autoFocus } = props;
  const { t } = useTranslation();
  const [id] = useState(newId);
  // null while untouched: the shown values then follow the search text.
  const [edited, setEdited] = useState<RegistrationValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<Refusal[]>([]);
  const words = useRefusalWords();
  const [callError, setCallError] = useState<CallError | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const values = edited ?? props.initialValues ?? emptyValues(prefill);
  // The latest values for work that finishes after a render (a PIN answer, Enter waiting for it).
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const lastFill = useRef<LastFill>({ district: '', state: '' });
  const pin = usePincodeLookup();
  const states = useStates();
  const districts = useDistricts(values.district, values.state);

  function focusFirstEmpty() {
    const birth: [FieldPath, string] =
      values.birthMode === 'age'
        ? ['ageYears', values.ageYears + (showsAgeMonths(values) ? values.ageMonths : '')]
        : ['dateOfBirth', values.dateOfBirth];
    const required: [FieldPath, string][] = [['name', values.name], ['gender', values.gender], birth];
    focusField(required.find(([, v]) => v.trim() === '')?.[0] ?? 'phone');
  }
  useImperativeHandle(handleRef, () => ({ focusFirstEmpty }));
  const focusOnOpen = useEffectEvent(() => {
    if (autoFocus) focusFirstEmpty();
  });
  useEffect(() => focusOnOpen(), []);

  function change(patch: Partial<RegistrationValues>) {
    const mode = patch.birthMode;
    if (mode !== undefined && mode !== values.birthMode) {
      // "Exact date of birth known" ticked (or unticked): the cursor goes into the field it brings,
      // before the next key comes.
      flushSync(() => apply(patch));
      focusField(mode === 'dob' ? 'dateOfBirth' : 'ageYears');
      return;
    }
    apply(patch);
  }

  function apply(patch: Partial<RegistrationValues>) {
    if (edited === null) onEdited();
    const next = { ...values, ...patch };
    setEdited(next);
    valuesRef.current = next;
    setDuplicates([]); // they matched the old details, not these
    setErrors(clearErrorsFor(errors, patch));
    if (patch.pincode !== undefined && isCompletePin(patch.pincode)) void pin.lookup(patch.pincode.trim()).then(applyPin);
  }

  /** A PIN's answer: district and state filled, or the field marked when India Post does not know it. */
  function applyPin(answer: PinAnswer | null): RegistrationValues {
    const current = valuesRef.current;
    if (!answer || answer.pincode !== current.pincode.trim()) return current;
    if (!answer.known) {
      setErrors((e) => ({ ...e, 'address.pincode': [UNKNOWN_PIN] }));
      return current;
    }
    const filled = fillFromPin(current, answer, lastFill.current);
    lastFill.current = filled.fill;
    if (filled.values !== current) {
      setEdited(filled.values);
      valuesRef.current = filled.values;
    }
    return filled.values;
  }

  /** Enter (or a one-key choice) moves to the next empty field of the usual path; at its end, registers. */
  function advance(from: FieldPath, current: RegistrationValues) {
    const next = nextOnEnter(current, from);
    if (!next) return void submit(false, current);
    // At once, while this key is handled: the clerk's next key may already be on its way. A
    // field that only this change brings onto the form (months under a small age) after it is drawn.
    if (document.getElementById(fieldIds(next).input)) focusField(next);
    else requestAnimationFrame(() => focusField(next));
  }

  async function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const path = pathOf(e.target);
    if (!path || e.altKey || e.metaKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      // Ctrl+Enter registers from anywhere, whatever is still empty.
      if (e.ctrlKey) return void submit(false, valuesRef.current);
      let current = valuesRef.current;
      // Enter right after the last digit of the PIN waits for its district and state.
      const waiting = path === 'address.pincode' ? pin.pending(current.pincode.trim()) : null;
      if (waiting) current = applyPin(await waiting);
      advance(path, current);
      return;
    }
    if (e.ctrlKey) return;
    const key = keyLetter(e).toLowerCase();
    if (path === 'gender' && ONE_KEY.gender[key]) {
      e.preventDefault();
      const gender = ONE_KEY.gender[key];
      change({ gender });
      advance(path, { ...valuesRef.current, gender });
    } else if (path === 'guardianRelation' && ONE_KEY.guardianRelation[key]) {
      e.preventDefault();
      const guardianRelation = ONE_KEY.guardianRelation[key];
      change({ guardianRelation });
      advance(path, { ...valuesRef.current, guardianRelation });
    } else if (path === 'ageYears' && DATE_SEPARATORS.includes(e.key) && /^\d{1,2}$/.test(valuesRef.current.ageYears.trim())) {
      // "15-" is no age but the start of a date of birth: the form takes it as one, no box to tick.
      e.preventDefault();
      const dateOfBirth = `${valuesRef.current.ageYears.trim()}${e.key}`;
      change({ birthMode: 'dob', dateOfBirth, ageYears: '' });
      const input = document.getElementById(fieldIds('dateOfBirth').input);
      if (input instanceof HTMLInputElement) input.setSelectionRange(dateOfBirth.length, dateOfBirth.length);
    }
  }

  function showFieldErrors(fieldErrors: FieldErrors) {
    // The core checks age and date of birth as a pair; show its word on the one visible.
    const moved = { ...fieldErrors };
    const [shown, hidden]: [FieldPath, FieldPath[]] =
      values.birthMode === 'age'
        ? ['ageYears', showsAgeMonths(values) ? ['dateOfBirth'] : ['dateOfBirth', 'ageMonths']]
        : ['dateOfBirth', ['ageYears', 'ageMonths']];
    for (const path of hidden) {
      if (!moved[path]) continue;
      moved[shown] = [...(moved[shown] ?? []), ...moved[path]];
      delete moved[path];
    }
    // A PIN India Post does not know stays marked: the core checks it only once the rest passes.
    const typedPin = valuesRef.current.pincode.trim();
    if (pin.result?.pincode === typedPin && !pin.result.known && !moved['address.pincode'])
      moved['address.pincode'] = [UNKNOWN_PIN];
    setErrors(moved);
    // After React has drawn the error, so the screen reader reads it with the field.
    requestAnimationFrame(() => focusField(firstErrorPath(moved)));
  }

  async function submit(confirmNotDuplicate: boolean, current: RegistrationValues = values) {
    setCallError(null);
    setGeneral([]);
    const built = buildRegisterInput(current, id, confirmNotDuplicate);
    if (!built.ok) {
      showFieldErrors(built.errors);
      return;
    }
    setErrors({});
    const result = await register(built.input);
    if (result === null) return; // the same registration is already on its way
    if (result.ok) {
      onRegistered(result.value);
      return;
    }
    const error = result.error;
    if (error.code === 'VALIDATION_FAILED') {
      const mapped = mapCallError(error);
      setGeneral(mapped.general);
      showFieldErrors(mapped.fields);
    } else if (error.code === 'DUPLICATE_SUSPECTED' && candidatesOf(error).length > 0) {
      setDuplicates(candidatesOf(error));
    } else {
      setCallError(error);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(false);
  }

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <form
      className="registration-form"
      data-testid="registration-form"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(e) => void onKeyDown(e)}
      aria-labelledby="reg-title"
    >
      <div className="panel-title-row">
        <h2 id="reg-title">{t('form.title')}</h2>
        <button type="button" className="secondary small" data-testid="reg-close" onClick={onClose}>
          {t('form.close')} <kbd>Esc</kbd>
        </button>
      </div>
      <RegistrationFields
        values={values}
        errors={errors}
        onChange={change}
        pinPlaces={pin.result?.pincode === values.pincode.trim() ? pin.result.places : null}
        states={states}
        districts={districts}
      />
      {(hasFieldErrors || general.length > 0) && (
        <div className="form-errors" role="alert" data-testid="reg-errors">
          {t('form.fixFields')}
          {[...new Set(general.map(words))].map((m) => (
            <span key={m} className="field-message">
              {m}
            </span>
          ))}
        </div>
      )}
      {callError && <CallErrorMessage error={callError} title={t('form.failed')} testId="reg-error" />}
      {duplicates.length > 0 && (
        <DuplicateWarning
          candidates={duplicates}
          pending={pending}
          onUseExisting={onUseExisting}
          onRegisterAnyway={() => void submit(true)}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="reg-submit" disabled={pending}>
          {pending ? t('form.submitting') : t('form.submit')} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </form>
  );
}
