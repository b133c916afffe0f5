// The one box a clerk types into all day. Arrow keys walk the results, Enter
// opens the highlighted patient; Enter on "not found" jumps into the
// prefilled registration form. Enter pressed before the answer arrives (a
// barcode scanner types UHID + Enter in a few milliseconds) is kept and acted
// on when the answer for that text comes in.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../preload/contract';
import type { SearchState } from '../hooks/use-patient-search';
import { CallErrorMessage } from './call-error-message';
import { SEARCH_INPUT_ID } from './dialog';
import { optionId, RESULTS_ID, SearchResults } from './search-results';

interface Props {
  query: string;
  onQueryChange: (query: string) => void;
  search: SearchState;
  /** Results are hidden while a patient is open or a form is being filled. */
  showResults: boolean;
  notFound: boolean;
  /** Nobody here, but another counter knows the patient (renderer/src/peers). */
  foundElsewhere?: boolean;
  onSelect: (patient: PatientSummary) => void;
  onEnterNotFound: () => void;
  onNewPatient: () => void;
  inputRef: Ref<HTMLInputElement>;
  /** The ways in that are not typing (emergency, camera …), in one row under the box. */
  children?: ReactNode;
}

export function PatientSearch(props: Props) {
  const {
    query,
    onQueryChange,
    search,
    showResults,
    notFound,
    foundElsewhere,
    onSelect,
    onEnterNotFound,
    onNewPatient,
    inputRef,
    children,
  } = props;
  const { t } = useTranslation();
  // The highlight belongs to one set of results; new results start at the top.
  const [active, setActive] = useState({ query: '', index: 0 });
  const pendingEnter = useRef(false);
  const patients = showResults ? search.patients : [];
  const activeIndex = active.query === search.settledQuery ? Math.min(active.index, patients.length - 1) : 0;

  function enter(index: number) {
    if (search.error) return;
    const picked = search.patients[index];
    if (picked) onSelect(picked);
    else if (search.settledQuery !== '') onEnterNotFound();
  }

  useEffect(() => {
    if (!pendingEnter.current || !search.upToDate) return;
    pendingEnter.current = false;
    enter(0);
  });

  function move(delta: number) {
    if (patients.length === 0) return;
    const index = (activeIndex + delta + patients.length) % patients.length;
    setActive({ query: search.settledQuery, index });
    document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (query.trim() === '') return;
      if (search.upToDate) enter(activeIndex);
      else {
        pendingEnter.current = true;
        search.searchNow();
      }
    }
  }

  const hasResults = patients.length > 0;
  return (
    <section className="search-panel" aria-label={t('search.label')}>
      <div className="search-row">
        <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={SEARCH_INPUT_ID}
          ref={inputRef}
          className="search-input"
          data-testid="search-input"
          type="search"
          role="combobox"
          aria-expanded={hasResults}
          aria-controls={RESULTS_ID}
          aria-autocomplete="list"
          aria-activedescendant={hasResults ? optionId(activeIndex) : undefined}
          placeholder={t('search.placeholder')}
          value={query}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          onChange={(e) => {
            pendingEnter.current = false;
            onQueryChange(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="new-patient" data-testid="new-patient" onClick={onNewPatient}>
          {t('newPatient.button')} <kbd>{t('newPatient.shortcut')}</kbd>
        </button>
      </div>
      {children && <div className="search-tools">{children}</div>}
      <p
        className="search-status"
        role="status"
        data-testid="search-status"
        data-answered={search.upToDate ? search.settledQuery : undefined}
      >
        {showResults && query.trim() !== '' && !search.upToDate && t('search.searching')}
        {showResults && search.upToDate && hasResults && t('search.results', { count: patients.length })}
        {showResults && notFound && (
          <>
            {t('search.notFound', { query: search.settledQuery })}{' '}
            {foundElsewhere ? t('search.foundElsewhereHint') : t('search.notFoundHint')}
          </>
        )}
        {!query && <span className="hint">{t('search.hint')}</span>}
      </p>
      {search.upToDate && search.mergedFrom && search.patients[0] && (
        <p className="merged-notice" role="status" data-testid="search-merged">
          {t('door.merge.searchFollowed', {
            uhid: search.mergedFrom.uhid,
            name: search.patients[0].name,
            survivor: search.patients[0].uhid,
          })}
        </p>
      )}
      {showResults && search.error && <CallErrorMessage error={search.error} title={t('search.failed')} testId="search-error" />}
      {hasResults && (
        <SearchResults
          patients={patients}
          activeIndex={activeIndex}
          busy={!search.upToDate}
          onPick={onSelect}
          onHover={(index) => setActive({ query: search.settledQuery, index })}
        />
      )}
    </section>
  );
}
