// "Counter C not reachable: its tokens are not shown" — under a queue or a
// board merged from the hospital's counters, so nobody takes a short list
// for the whole queue (docs/peers.md).
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../preload/contract/methods/queue-schemas';

export function NotShownNote({ notShown, className }: { notShown: QueueView['notShown'] | undefined; className?: string }) {
  const { t } = useTranslation();
  if (!notShown || notShown.length === 0) return null;
  return (
    <div className={className ?? 'not-shown'} role="status" data-testid="not-shown">
      {notShown.map((n) => (
        <p key={n.counterLetter} data-counter={n.counterLetter}>
          {t('peers.notShown', { letter: n.counterLetter })}
        </p>
      ))}
    </div>
  );
}
