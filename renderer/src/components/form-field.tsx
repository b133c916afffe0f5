// A labelled input with its error underneath. The core's messages are English
// predicates ("must be a 6-digit PIN code"), written to follow the field's
// name: in English they are shown so; in Hindi a translated line per field
// says what to type, with the core's words below for whoever is called to help.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
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
  const { t, i18n } = useTranslation();
  const ids = fieldIds(path);
  const asSentences = currentLanguage(i18n.language) === 'en' && messages !== undefined && messages.length > 0;
  return (
    <div className={`form-field ${className ?? ''}`} data-invalid={messages !== undefined || undefined}>
      <label htmlFor={ids.input}>{label}</label>
      {children}
      {messages !== undefined && (
        <p id={ids.error} className="field-error" role="alert" data-testid={`error-${path}`}>
          {asSentences
            ? messages.map((m) => (
                <span key={m} className="field-message">
                  {label} {m}
                </span>
              ))
            : t(`fieldErrors.${path}`)}
          {!asSentences &&
            messages.map((m) => (
              <span key={m} className="server-message" lang="en">
                {m}
              </span>
            ))}
        </p>
      )}
    </div>
  );
}
