// The counter screen: one search box, then whichever of registration form,
// patient panel and issued token the moment needs, with today's queue beside.
// All state that crosses panels lives here; each panel owns its own details.
import { lazy, Suspense, useCallback, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, MethodInput, Patient, PatientSummary, Token } from '../../preload/contract';
import { AuthGate } from './auth/auth-gate';
import { useDesk } from './auth/desk-context';
import { CounterHeader, CounterStatusLine } from './counter/counter-chrome';
import { CallErrorMessage } from './components/call-error-message';
import { IssuedToken } from './components/issued-token';
import { PatientPanel } from './components/patient-panel';
import { PatientSearch } from './components/patient-search';
import { QueuePanel } from './components/queue-panel';
import { RegistrationForm, type RegistrationFormHandle } from './components/registration-form';
import { useCounterMutation } from './hooks/use-counter-mutation';
import { useCounterSetup } from './hooks/use-counter-setup';
import { useKeyHandler } from './hooks/use-key-handler';
import { usePatientDetails } from './hooks/use-patient-details';
import { usePatientSearch } from './hooks/use-patient-search';
import { useQueue } from './hooks/use-queue';
import { currentLanguage } from './i18n';
import { registrationFormShown } from './lib/form-visibility';
import { foundNobody } from './lib/found-nobody';
import { keyLetter } from './lib/key-place';
import { prefillFromQuery } from './lib/query-prefill';
import { KioskGate } from './kiosk/kiosk-gate';
import { KioskScreen } from './kiosk/kiosk-screen';
import { RoomScreen } from './room/room-screen';
import { screenMode } from './screen-mode';
import type { RegistrationValues } from './lib/registration-form';
import { CameraScanner } from './scanning/lazy-camera-scanner';
import { valuesFromCard } from './scanning/card-prefill';
import { ScanResult } from './scanning/scan-result';
import { useCardScan } from './scanning/use-card-scan';
import { ElsewhereResults } from './peers/elsewhere-results';
import { useElsewhereSearch, type FoundElsewhere } from './peers/use-elsewhere-search';
import './peers/peers.css';
import { EMERGENCY_KEY, PatientTools, type PatientTool } from './patients/patient-tools';

/** The hall board's chunk carries its sound clips: loaded only by a board. */
const BoardApp = lazy(() => import('./board/board-app'));

/**
 * `?mode=kiosk`: the entrance kiosk (renderer/src/kiosk); `?mode=room`: a
 * doctor's room screen (renderer/src/room), on the doctor's own desk session;
 * `?mode=board`: the hall board (renderer/src/board), on a board session a
 * supervisor started; otherwise the counter (screen-mode.ts).
 */
export function App() {
  switch (screenMode()) {
    case 'kiosk':
      return (
        <KioskGate>
          <KioskScreen />
        </KioskGate>
      );
    case 'room':
      return (
        <AuthGate>
          <RoomScreen />
        </AuthGate>
      );
    case 'board':
      return (
        <Suspense fallback={null}>
          <BoardApp />
        </Suspense>
      );
    default:
      return (
        <AuthGate>
          <CounterScreen />
        </AuthGate>
      );
  }
}

function CounterScreen() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const setup = useCounterSetup();
  // Locked: the screen stays as it was under the lock overlay, but hears no keys or scans.
  const desk = useDesk();
  const locked = desk?.session.locked ?? false;
  const searchRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<RegistrationFormHandle>(null);

  const [query, setQuery] = useState('');
  const search = usePatientSearch(query);
  const [selected, setSelected] = useState<PatientSummary | null>(null);
  const [issued, setIssued] = useState<Token | null>(null);
  const [formOpened, setFormOpened] = useState(false); // F2 / button
  const [formEdited, setFormEdited] = useState(false);
  const [queueChoice, setQueueChoice] = useState<string | null>(null);
  const [refreshKey, refresh] = useReducer((n: number) => n + 1, 0);
  // The queue is read again when the core pushes a change to it (hooks/use-queue.ts), never
  // after every token as well: with hundreds of tokens each reading is large. Besides the pushes,
  // only a patient renamed here changes its rows.
  const [renamed, rename] = useReducer((n: number) => n + 1, 0);
  const [cardValues, setCardValues] = useState<{ seq: number; values: RegistrationValues } | null>(null);
  const [cameraOpen, setCameraOpen] = useState(false);
  // Each scan that opens a patient opens a fresh panel, even for the patient on screen: the
  // scan's first key reached the page (no one can tell it from a person's) and may have picked something.
  const [scanOpened, setScanOpened] = useState(0);
  // Which of the emergency, duplicates and MLC-register dialogs is open.
  const [tool, setTool] = useState<PatientTool | null>(null);

  // After an unlock, reload what the core refused while the counter was locked.
  const reloadKey = refreshKey + (desk?.unlocks ?? 0);
  const details = usePatientDetails(selected?.id ?? null, reloadKey);
  const queueCode = queueChoice ?? setup.departments[0]?.code ?? null;
  const queue = useQueue(queueCode, renamed + (desk?.unlocks ?? 0), (changed, replacement) => {
    refresh();
    // The big token must not keep showing a number that was just cancelled or moved.
    setIssued((shown) => (shown?.id === changed.id ? replacement : shown));
  });
  const registerCall = useCounterMutation('patients.register');
  const issueCall = useCounterMutation('tokens.issue');

  const notFound = query.trim() !== '' && foundNobody(search);
  // Nobody here by an exact id: the other counters are asked before the form opens by itself.
  const elsewhere = useElsewhereSearch(search, notFound && selected === null);
  const bringCall = useCounterMutation('patients.bringOver');
  const [bringError, setBringError] = useState<CallError | null>(null);
  // Once on screen, the form stays while the other counters are asked about the next digit (lib/form-visibility).
  const [formWasShown, setFormWasShown] = useState(false);
  const showForm = registrationFormShown({
    wasShown: formWasShown,
    patientOpen: selected !== null,
    openedByClerk: formOpened || formEdited || cardValues !== null,
    notFoundHere: notFound,
    searching: query.trim() !== '' && !search.upToDate,
    elsewhere,
  });
  if (showForm !== formWasShown) setFormWasShown(showForm); // state from the last render, React's way

  const focusSearch = useCallback(() => searchRef.current?.focus(), []);

  const emergencyRegistered = useCallback(
    (_patient: Patient, token: Token) => {
      setIssued(token);
      setSelected(null);
      setQuery('');
      setQueueChoice(token.departmentCode);
      refresh();
      focusSearch();
    },
    [focusSearch],
  );

  function closeCamera() {
    setCameraOpen(false);
    focusSearch();
  }

  function closeForm() {
    setFormOpened(false);
    setFormEdited(false);
    setCardValues(null);
  }

  /** Escape: back to an empty search box, ready for the next patient. */
  function startOver() {
    setQuery('');
    setSelected(null);
    closeForm();
    scanner.clear();
    focusSearch();
  }

  const select = useCallback((patient: PatientSummary) => {
    setSelected(patient);
    setFormOpened(false);
    setFormEdited(false);
    setCardValues(null);
  }, []);

  const openForm = useCallback(() => {
    setSelected(null);
    if (formRef.current) formRef.current.focusFirstEmpty();
    else setFormOpened(true);
  }, []);

  // Every scan (wedge, serial, camera, paste) ends here after cards.resolve:
  // the patient shown, or the form filled from the card, or the id searched
  // for exactly as if it had been typed.
  const scanner = useCardScan(
    (outcome) => {
      setCameraOpen(false);
      const result = outcome.result;
      if (!result) return;
      setIssued(null);
      if (result.patient) {
        setQuery('');
        closeForm();
        setScanOpened(outcome.seq);
        select(result.patient);
      } else if (result.prefill) {
        setQuery('');
        setSelected(null);
        setFormEdited(false);
        setCardValues({ seq: outcome.seq, values: valuesFromCard(result.prefill) });
      } else {
        closeForm();
        changeQuery(outcome.text.trim());
      }
    },
    { wedge: !cameraOpen && !locked },
  );

  function changeQuery(value: string) {
    setQuery(value);
    // A new search means a new patient: the last token and patient go away.
    if (value.trim() !== '') setIssued(null);
    setSelected(null);
  }

  /** A patient registered at another counter, copied here and opened. */
  async function bringOver(found: FoundElsewhere) {
    const result = await bringCall.run({ counterId: found.counterId, patientId: found.patient.id });
    setBringError(result && !result.ok ? result.error : null);
    if (result?.ok) {
      setQuery('');
      select(result.value);
    }
  }

  async function issue(input: MethodInput<'tokens.issue'>) {
    const result = await issueCall.run(input);
    if (result?.ok) {
      setIssued(result.value);
      setSelected(null);
      setQuery('');
      setQueueChoice(result.value.departmentCode);
      refresh();
      focusSearch();
    }
    return result;
  }

  useKeyHandler((e) => {
    if (e.defaultPrevented) return;
    if (e.key === 'F2' || (e.altKey && keyLetter(e) === 'N')) {
      e.preventDefault();
      openForm();
    } else if (e.altKey && keyLetter(e) === EMERGENCY_KEY) {
      e.preventDefault();
      setTool('emergency');
    } else if (e.key === 'F4') {
      e.preventDefault();
      setCameraOpen(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (cameraOpen) closeCamera();
      else startOver();
    }
  }, !locked);

  return (
    <div className="app">
      <CounterHeader info={setup.info} infoError={setup.infoError} language={language} />
      <main className="workspace">
        <div className="work-column">
          <PatientSearch
            query={query}
            onQueryChange={changeQuery}
            search={search}
            showResults={selected === null}
            notFound={notFound}
            foundElsewhere={elsewhere.found.length > 0}
            onSelect={select}
            onEnterNotFound={() => (elsewhere.found[0] ? void bringOver(elsewhere.found[0]) : openForm())}
            onNewPatient={openForm}
            inputRef={searchRef}
          >
            <PatientTools
              open={tool}
              onOpen={setTool}
              today={setup.info?.today ?? ''}
              timeZone={setup.info?.timeZone}
              onEmergencyRegistered={emergencyRegistered}
            />
            <button
              type="button"
              className="secondary small camera-button"
              data-testid="camera-open"
              onClick={() => setCameraOpen(true)}
            >
              {t('scanning.camera.open')} <kbd>F4</kbd>
            </button>
          </PatientSearch>
          {selected === null && (
            <ElsewhereResults elsewhere={elsewhere} onBring={(f) => void bringOver(f)} pending={bringCall.pending} />
          )}
          {bringError && (
            <CallErrorMessage error={bringError} title={t('peers.elsewhere.bringFailed')} testId="bring-over-error" />
          )}
          {scanner.last && <ScanResult outcome={scanner.last} onDismiss={scanner.clear} />}
          {cameraOpen && <CameraScanner onScan={(text) => void scanner.scan(text, 'camera')} onClose={closeCamera} />}
          {setup.departmentsError && (
            <CallErrorMessage error={setup.departmentsError} title={t('panel.departmentsFailed')} testId="departments-error" />
          )}
          {issued && (
            <IssuedToken token={issued} department={setup.departmentByCode.get(issued.departmentCode)} language={language} />
          )}
          {showForm && (
            <RegistrationForm
              key={cardValues?.seq ?? 'typed'}
              initialValues={cardValues?.values}
              handleRef={formRef}
              autoFocus={formOpened}
              prefill={prefillFromQuery(query)}
              register={registerCall.run}
              pending={registerCall.pending}
              onRegistered={(patient) => {
                setQuery('');
                select(patient);
              }}
              onUseExisting={select}
              onClose={() => {
                closeForm();
                focusSearch();
              }}
              onEdited={() => setFormEdited(true)}
            />
          )}
          {selected && (
            <PatientPanel
              key={`${selected.id}:${scanOpened}`}
              patient={selected}
              details={details.patient}
              detailsError={details.error}
              tokensToday={details.tokensToday}
              departments={setup.departments}
              departmentByCode={setup.departmentByCode}
              language={language}
              issue={issue}
              pending={issueCall.pending}
              onClose={startOver}
              today={setup.info?.today ?? ''}
              onPatientChanged={(patient) => {
                select(patient);
                refresh();
                rename();
              }}
              onOpenPatient={select}
            />
          )}
        </div>
        <QueuePanel
          departments={setup.departments}
          selected={queueCode}
          onSelect={setQueueChoice}
          queue={queue}
          language={language}
          timeZone={setup.info?.timeZone}
        />
      </main>
      <CounterStatusLine info={setup.info} departments={setup.departments} />
    </div>
  );
}
