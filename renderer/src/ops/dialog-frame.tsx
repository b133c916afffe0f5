// A modal dialog like Accounts: a title, Close, Esc closes, and the counter's
// own shortcuts stay out while it is open.
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function DialogFrame({
  id,
  title,
  testId,
  onClose,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  function onKeyDown(e: KeyboardEvent) {
    e.stopPropagation();
    if (e.key === 'Escape') onClose();
  }
  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <section className="ops-dialog" role="dialog" aria-modal="true" aria-labelledby={id} data-testid={testId}>
        <div className="panel-title-row">
          <h2 id={id}>{title}</h2>
          <button type="button" className="secondary small" data-testid={`${testId}-close`} onClick={onClose} autoFocus>
            {t('ops.close')}
          </button>
        </div>
        {children}
      </section>
    </div>
  );
}
