// Today's tokens for one department, by issue time (the order rooms call in
// is the department's rule: the room screen shows it). Cancelled tokens stay
// visible, struck through: their numbers are never reused and the clerk may
// be asked about them. The departments are tabs by the WAI-ARIA tabs
// pattern: one Tab stop, ← → Home End move between them and show each one's
// queue, the list of tokens is the tab panel's.
import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../preload/contract';
import type { QueueState } from '../hooks/use-queue';
import type { Language } from '../i18n';
import { departmentName } from '../lib/format';
import { CallErrorMessage } from './call-error-message';
import { QueueRow } from './queue-row';

interface Props {
  departments: Department[];
  selected: string | null;
  onSelect: (code: string) => void;
  queue: QueueState;
  language: Language;
  timeZone: string | undefined;
}

/** Rendered only when its own props change: not on every key the clerk types in the search box. */
export const QueuePanel = memo(function QueuePanel({ departments, selected, onSelect, queue, language, timeZone }: Props) {
  const { t } = useTranslation();
  // A notice is words in one language; after a language switch it gives way to the count.
  const [notice, setNotice] = useState({ text: '', language });
  const onDone = useCallback((text: string) => setNotice({ text, language }), [language]);
  const tabsRef = useRef<HTMLDivElement>(null);

  function show(code: string) {
    setNotice({ text: '', language });
    onSelect(code);
  }

  function onTabKey(e: KeyboardEvent) {
    const at = departments.findIndex((d) => d.code === selected);
    const last = departments.length - 1;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last }[e.key];
    if (to === undefined || departments.length === 0) return;
    e.preventDefault();
    const next = departments[(to + departments.length) % departments.length]!;
    show(next.code);
    tabsRef.current?.querySelector<HTMLElement>(`#${tabId(next.code)}`)?.focus();
  }

  // The one tab the Tab key stops at: the one shown.
  const tabStop = departments.some((d) => d.code === selected) ? selected : departments[0]?.code;
  const shownNotice = notice.language === language ? notice.text : '';
  const active = queue.tokens.filter((tk) => tk.status === 'issued').length;

  return (
    <aside className="queue-panel" data-testid="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title')}</h2>
      <div className="queue-tabs" role="tablist" aria-label={t('queue.departments')} ref={tabsRef} onKeyDown={onTabKey}>
        {departments.map((d) => (
          <button
            key={d.code}
            type="button"
            role="tab"
            id={tabId(d.code)}
            aria-selected={d.code === selected}
            aria-controls={PANEL_ID}
            tabIndex={d.code === tabStop ? 0 : -1}
            data-testid={`queue-tab-${d.code}`}
            onClick={() => show(d.code)}
          >
            {departmentName(d, d.code, language)}
          </button>
        ))}
      </div>
      <p className="queue-count" role="status">
        {shownNotice || (selected && !queue.loading && t('queue.count', { active, total: queue.tokens.length }))}
      </p>
      {queue.error && <CallErrorMessage error={queue.error} title={t('queue.loadFailed')} testId="queue-load-error" />}
      <div
        id={PANEL_ID}
        className="queue-tabpanel"
        role="tabpanel"
        aria-labelledby={selected ? tabId(selected) : undefined}
        aria-busy={queue.loading}
      >
        <ol className="queue-list" data-testid="queue-list" aria-label={t('queue.title')}>
          {queue.tokens.map((token) => (
            <QueueRow
              key={token.id}
              token={token}
              departments={departments}
              language={language}
              timeZone={timeZone}
              pending={queue.pending}
              onCancel={queue.cancel}
              onTransfer={queue.transfer}
              onMove={queue.move}
              onDone={onDone}
            />
          ))}
        </ol>
        {!queue.loading && !queue.error && queue.tokens.length === 0 && <p className="muted">{t('queue.empty')}</p>}
      </div>
    </aside>
  );
});

const PANEL_ID = 'queue-tabpanel';
const tabId = (code: string) => `queue-tab-${code}`;
