// "Counter C has an older copy of the departments' rooms and rules" — under a
// queue merged from the hospital's counters, so a room that sees patients in
// an unexpected order knows why (docs/peers.md "Departments and rules").
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../preload/contract/methods/queue-schemas';

export function OlderCopiesNote({ olderCopies }: { olderCopies: QueueView['olderCopies'] | undefined }) {
  const { t } = useTranslation();
  if (!olderCopies || olderCopies.length === 0) return null;
  return (
    <div className="not-shown" role="status" data-testid="older-copies">
      {olderCopies.map((letter) => (
        <p key={letter} data-counter={letter}>
          {t('peers.olderCopy', { letter })}
        </p>
      ))}
    </div>
  );
}
