// One labelled input of an auth form, with its problem underneath in the
// screen's language only (the core's English words stay in `detail`, for logs
// and data-detail, never on screen).
import type { InputHTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthProblem } from './auth-errors';

export function ProblemText({ problem }: { problem: AuthProblem }) {
  const { t } = useTranslation();
  const text =
    problem.key === 'tooMany' && problem.seconds !== undefined
      ? t('auth.errors.tooManyWait', { seconds: problem.seconds })
      : t(`auth.errors.${problem.key}`);
  return <span data-detail={problem.detail}>{text}</span>;
}

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  /** Unique on the page: the input's id and its testids derive from it. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: AuthProblem | undefined;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  /** A line under the field saying what to enter or why it cannot change. */
  hint?: string | undefined;
}

export function AuthInput({ id, label, value, onChange, problem, testId, inputRef, hint, ...rest }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, problem !== undefined ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="auth-field" data-invalid={problem !== undefined || undefined}>
      <label htmlFor={id}>{label}</label>
      <input
        {...rest}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy || undefined}
        data-testid={testId}
      />
      {hint && (
        <p id={hintId} className="hint field-hint" data-testid={`${testId}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p id={errorId} className="field-error" role="alert" data-testid={`${testId}-error`}>
          <ProblemText problem={problem} />
        </p>
      )}
    </div>
  );
}
