// The Maintenance and Audit log dialogs: the counter's modal dialog
// (components/dialog.tsx: Esc closes, the search box gets the cursor back)
// with a title and Close.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogTitle } from '../components/dialog';

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
  return (
    <Dialog className="ops-dialog" labelledBy={id} testId={testId} modal onClose={onClose}>
      <DialogTitle id={id} title={title} closeLabel={t('ops.close')} closeTestId={`${testId}-close`} onClose={onClose} />
      {children}
    </Dialog>
  );
}
