// "A supervisor starts the board": their username and password, the
// departments this hall's board shows, and whether it may show first names
// (the board faces the public: no names unless the hospital wants them).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult, Department, MethodInput } from '../../../preload/contract';
import { authErrors, NO_ERRORS, type AuthErrors } from '../auth/auth-errors';
import { AuthInput, ProblemText } from '../auth/auth-field';
import { CallErrorMessage } from '../components/call-error-message';
import type { Language } from '../i18n';
import { departmentName } from '../lib/format';

interface Props {
  departments: Department[];
  language: Language;
  ended: boolean;
  start: (input: MethodInput<'auth.startBoard'>) => Promise<CallResult<unknown>>;
}

export function BoardStartForm({ departments, language, ended, start }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [names, setNames] = useState(false);
  const [errors, setErrors] = useState<AuthErrors>(NO_ERRORS);
  const [notSupervisor, setNotSupervisor] = useState(false);
  const [needDepartment, setNeedDepartment] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    if (codes.length === 0) return setNeedDepartment(true);
    setPending(true);
    const result = await start({ username, password, departmentCodes: codes, showFirstNames: names });
    setPending(false);
    if (result.ok) return;
    setPassword('');
    const forbidden = result.error.code === 'FORBIDDEN' && result.error.field === 'username';
    setNotSupervisor(forbidden);
    setErrors(forbidden ? NO_ERRORS : authErrors(result.error));
  }

  const toggle = (code: string) => {
    setNeedDepartment(false);
    setCodes((now) => (now.includes(code) ? now.filter((c) => c !== code) : [...now, code]));
  };

  return (
    <form className="auth-form board-start" data-testid="auth-board" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('board.start.title')}</h1>
      <p className="hint">{t('board.start.intro')}</p>
      {ended && (
        <p className="auth-notice" role="status" data-testid="auth-notice">
          {t('board.start.ended')}
        </p>
      )}
      <AuthInput
        id="board-username"
        label={t('auth.username')}
        value={username}
        onChange={(v) => {
          setUsername(v);
          setNotSupervisor(false);
        }}
        problem={errors.fields.username}
        testId="auth-username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
      />
      {notSupervisor && (
        <p className="field-error" role="alert" data-testid="auth-username-error">
          {t('board.start.notSupervisor')}
        </p>
      )}
      <AuthInput
        id="board-password"
        label={t('auth.password')}
        type="password"
        value={password}
        onChange={setPassword}
        problem={errors.fields.password}
        testId="auth-password"
        autoComplete="current-password"
      />
      <fieldset className="board-start-departments" data-testid="board-start-departments">
        <legend>{t('board.start.departments')}</legend>
        {departments.map((d) => (
          <label key={d.code} className="check">
            <input
              type="checkbox"
              data-testid={`board-start-dept-${d.code}`}
              checked={codes.includes(d.code)}
              onChange={() => toggle(d.code)}
            />
            {departmentName(d, d.code, language)}
          </label>
        ))}
      </fieldset>
      {needDepartment && (
        <p className="field-error" role="alert" data-testid="board-start-need-department">
          {t('board.start.needDepartment')}
        </p>
      )}
      <label className="check">
        <input type="checkbox" data-testid="board-start-names" checked={names} onChange={(e) => setNames(e.target.checked)} />
        {t('board.start.showFirstNames')}
      </label>
      {errors.form && (
        <p className="form-errors" role="alert" data-testid="auth-form-error">
          <ProblemText problem={errors.form} />
        </p>
      )}
      {errors.other && <CallErrorMessage error={errors.other} testId="auth-call-error" />}
      <button type="submit" className="primary big" data-testid="auth-submit" disabled={pending}>
        {pending ? t('auth.working') : t('board.start.submit')}
      </button>
    </form>
  );
}
