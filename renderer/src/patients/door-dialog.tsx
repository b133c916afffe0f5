// A dialog over the counter screen for the issue-13 tasks (emergency,
// newborn, photo, duplicates, MLC register): the counter's modal dialog
// (components/dialog.tsx), so it takes the cursor when it opens (its first
// field, or the dialog itself), the counter's own shortcuts stay out of it,
// Esc closes it wherever the cursor is, and the search box has the cursor
// back once it has closed.
import type { ReactNode } from 'react';
import type { CallError } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { Dialog } from '../components/dialog';
import { useTranslation } from 'react-i18next';
import './patients.css';

interface Props {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

export function DoorDialog({ title, testId, onClose, children, wide }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      className={`door-dialog${wide ? ' wide' : ''}`}
      labelledBy={`${testId}-title`}
      testId={testId}
      modal
      onClose={onClose}
    >
      <div className="panel-title-row">
        <h2 id={`${testId}-title`}>{title}</h2>
        <button type="button" className="secondary small" data-testid={`${testId}-close`} onClick={onClose}>
          {t('door.close')} <kbd>Esc</kbd>
        </button>
      </div>
      {children}
    </Dialog>
  );
}

/** A labelled input of these dialogs, with what is wrong with it right under it. */
export function DoorField({
  label,
  children,
  hint,
  error,
  errorId,
}: {
  label: string;
  children: ReactNode;
  hint?: ReactNode;
  /** Said at the field, in the clerk's language; its input points here with aria-describedby (doorInputA11y). */
  error?: string | null | undefined;
  errorId?: string;
}) {
  return (
    <label className="door-field">
      <span>{label}</span>
      {children}
      {hint && <span className="hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert" id={errorId} data-testid={errorId}>
          {error}
        </span>
      )}
    </label>
  );
}

/** The attributes an input of these dialogs carries while its field is refused. */
export function doorInputA11y(error: string | null | undefined, errorId: string) {
  return { 'aria-invalid': !!error, 'aria-describedby': error ? errorId : undefined };
}

/** The end of a quick form at the door: a refusal that belongs to no field, and the Enter button. */
export function DoorFormEnd(p: {
  testIdPrefix: 'emergency' | 'newborn';
  problem: string | null;
  error: CallError | null;
  failedTitle: string;
  submitLabel: string;
  pending: boolean;
}) {
  return (
    <>
      {p.problem && (
        <p className="field-error" role="alert" data-testid={`${p.testIdPrefix}-problem`}>
          {p.problem}
        </p>
      )}
      {p.error && <CallErrorMessage error={p.error} title={p.failedTitle} testId={`${p.testIdPrefix}-error`} />}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid={`${p.testIdPrefix}-submit`} disabled={p.pending}>
          {p.submitLabel} <kbd>Enter</kbd>
        </button>
      </div>
    </>
  );
}
