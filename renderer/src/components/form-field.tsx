// A labelled input with its error underneath, in the clerk's language only:
// the core's refusals worded by their reason, or, for what the form found
// itself before sending, the field's own line saying what to type.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRefusalWords, type Refusal } from '../i18n/use-refusal-words';
import type { FieldPath } from '../lib/registration-form';

export function fieldIds(path: FieldPath): { input: string; error: string } {
  const slug = path.replace('.', '-');
  return { input: `reg-field-${slug}`, error: `reg-error-${slug}` };
}

/** Accessibility attributes every input on the form carries. */
export function inputA11y(path: FieldPath, messages: Refusal[] | undefined) {
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
  messages: Refusal[] | undefined;
  className?: string;
  children: ReactNode;
}

export function FormField({ path, label, messages, className, children }: Props) {
  const { t } = useTranslation();
  const words = useRefusalWords();
  const ids = fieldIds(path);
  // Two refusals that say the same (the core and the directory on one PIN) are said once.
  const sentences = messages?.length ? [...new Set(messages.map(words))] : [t(`fieldErrors.${path}`)];
  return (
    <div className={`form-field ${className ?? ''}`} data-invalid={messages !== undefined || undefined}>
      <label htmlFor={ids.input}>{label}</label>
      {children}
      {messages !== undefined && (
        <p id={ids.error} className="field-error" role="alert" data-testid={`error-${path}`}>
          {sentences.map((m) => (
            <span key={m} className="field-message">
              {m}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
