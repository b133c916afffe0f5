// Today's tokens for one department, by issue time (the order rooms call in
// is the department's rule: the room screen shows it). Cancelled tokens stay
// visible, struck through: their numbers are never reused and the clerk may
// be asked about them.
import { memo, useCallback, useState } from 'react';
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
  const shownNotice = notice.language === language ? notice.text : '';
  const active = queue.tokens.filter((tk) => tk.status === 'issued').length;

  return (
    <aside className="queue-panel" data-testid="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title')}</h2>
      <div className="queue-tabs" role="tablist" aria-label={t('queue.departments')}>
        {departments.map((d) => (
          <button
            key={d.code}
            type="button"
            role="tab"
            id={`queue-tab-${d.code}`}
            aria-selected={d.code === selected}
            aria-controls="queue-list"
            data-testid={`queue-tab-${d.code}`}
            onClick={() => {
              setNotice({ text: '', language });
              onSelect(d.code);
            }}
          >
            {departmentName(d, d.code, language)}
          </button>
        ))}
      </div>
      <p className="queue-count" role="status">
        {shownNotice || (selected && !queue.loading && t('queue.count', { active, total: queue.tokens.length }))}
      </p>
      {queue.error && <CallErrorMessage error={queue.error} title={t('queue.loadFailed')} testId="queue-load-error" />}
      <ol
        id="queue-list"
        className="queue-list"
        role="tabpanel"
        aria-labelledby={selected ? `queue-tab-${selected}` : undefined}
        aria-busy={queue.loading}
      >
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
    </aside>
  );
});
