// A labelled input with its error underneath. The translated line tells the
// clerk what to type; the core's message (if any) says exactly what was wrong.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldPath } from '../lib/registration-form';

export function fieldIds(path: FieldPath): { input: string; error: string } {
  const slug = path.replace('.', '-');
  return { input: `reg-field-${slug}`, error: `reg-error-${slug}` };
}

/** Accessibility attributes every input on the form carries. */
export function inputA11y(path: FieldPath, messages: string[] | undefined) {
  const ids = fieldIds(path);
  return {
    id: ids.input,
    'aria-invalid': messages !== undefined,
    'aria-describedby': messages !== undefined ? ids.error : undefined,
  };
}

interface Props {
  path: FieldPath;
  label: string;
  messages: string[] | undefined;
  className?: string;
  children: ReactNode;
}

export function FormField({ path, label, messages, className, children }: Props) {
  const { t } = useTranslation();
  const ids = fieldIds(path);
  return (
    <div className={`form-field ${className ?? ''}`} data-invalid={messages !== undefined || undefined}>
      <label htmlFor={ids.input}>{label}</label>
      {children}
      {messages !== undefined && (
        <p id={ids.error} className="field-error" role="alert" data-testid={`error-${path}`}>
          {t(`fieldErrors.${path}`)}
          {messages.map((m) => (
            <span key={m} className="server-message" lang="en">
              {m}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
