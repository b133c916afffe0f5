// The three ways in: a new counter's first run (who the counter is, and its
// administrator), a clerk signing in, and a supervisor starting the entrance
// kiosk. One form: the cursor starts in the first field to fill, Enter sends,
// each refusal is shown at its field and the cursor goes there.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult, CounterInfo } from '../../../preload/contract';
import type { CounterIdentityInput, IdentityField } from '../../../preload/contract/methods/counter-schemas';
import { CallErrorMessage } from '../components/call-error-message';
import { CounterIdentityFields, firstOpenField, type IdentityValues } from '../counter/counter-identity-fields';
import {
  authErrors,
  firstInvalid,
  IDENTITY_FIELDS,
  NO_ERRORS,
  repeatError,
  type AuthErrors,
  type AuthField,
} from './auth-errors';
import { AuthInput, ProblemText } from './auth-field';

export type CredentialsMode = 'setup' | 'signIn' | 'kiosk';

export interface Credentials {
  username: string;
  password: string;
  displayName: string;
  /** At first run: who the counter is. */
  counter?: CounterIdentityInput;
}

interface Props {
  mode: CredentialsMode;
  submit: (values: Credentials) => Promise<CallResult<unknown>>;
  /** Shown above the form, e.g. "Your session ended". */
  notice?: string | undefined;
  /** At first run: what the counter already knows about itself (its start-up configuration). */
  counter?: CounterInfo | undefined;
}

const ORDER: Record<CredentialsMode, AuthField[]> = {
  setup: [...IDENTITY_FIELDS, 'username', 'displayName', 'password', 'repeat'],
  signIn: ['username', 'password'],
  kiosk: ['username', 'password'],
};

export function CredentialsForm({ mode, submit, notice, counter }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [identity, setIdentity] = useState<IdentityValues>(() => ({
    hospitalName: counter?.hospitalName ?? '',
    hospitalNameHi: counter?.hospitalNameHi ?? '',
    hospitalCode: counter?.hospitalCode ?? '',
    counterLetter: counter?.counterLetter ?? '',
    timeZone: counter?.timeZone ?? 'Asia/Kolkata',
  }));
  const pinned = counter?.pinned ?? [];
  const [firstField] = useState(() => (mode === 'setup' ? firstOpenField(identity, pinned) : null));
  const [errors, setErrors] = useState<AuthErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = `auth-${mode}`;

  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    // The problem at a field goes once the clerk types there.
    setErrors((e) => {
      const fields = { ...e.fields };
      delete fields[field];
      if (field === 'password') delete fields.repeat;
      return { ...e, fields };
    });
  };

  function setIdentityField(field: IdentityField, value: string) {
    setIdentity((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      const fields = { ...e.fields };
      delete fields[field];
      return { ...e, fields };
    });
  }

  function show(found: AuthErrors) {
    setErrors(found);
    const first = firstInvalid(found, ORDER[mode]);
    if (first) formRef.current?.querySelector<HTMLInputElement>(`#${prefix}-${first}`)?.focus();
    else if (found.form) formRef.current?.querySelector<HTMLInputElement>(`#${prefix}-password`)?.focus();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    if (mode === 'setup') {
      const mismatch = repeatError(values.password, values.repeat);
      if (mismatch) return show(mismatch);
    }
    setPending(true);
    const result = await submit({
      username: values.username,
      password: values.password,
      displayName: values.displayName,
      ...(mode === 'setup'
        ? {
            counter: {
              hospitalName: identity.hospitalName.trim(),
              hospitalNameHi: identity.hospitalNameHi.trim(),
              hospitalCode: identity.hospitalCode.trim(),
              counterLetter: identity.counterLetter.trim(),
              timeZone: identity.timeZone.trim(),
            },
          }
        : {}),
    });
    setPending(false);
    if (!result.ok) {
      const found = authErrors(result.error);
      // A refused password is typed again from scratch; a refused counter letter keeps the passwords typed.
      const onlyIdentity =
        Object.keys(found.fields).length > 0 &&
        Object.keys(found.fields).every((f) => (IDENTITY_FIELDS as readonly string[]).includes(f));
      if (!onlyIdentity) setValues((v) => ({ ...v, password: '', repeat: '' }));
      show(found);
    }
  }

  const titles: Record<CredentialsMode, string> = {
    setup: t('auth.setup.title'),
    signIn: t('auth.signIn.title'),
    kiosk: t('auth.kiosk.title'),
  };
  const intros: Record<CredentialsMode, string> = {
    setup: t('auth.setup.intro'),
    signIn: t('auth.signIn.intro'),
    kiosk: t('auth.kiosk.intro'),
  };
  const field = (name: AuthField) => ({ id: `${prefix}-${name}`, problem: errors.fields[name] });

  const accountFields = (
    <>
      <AuthInput
        {...field('username')}
        label={t('auth.username')}
        value={values.username}
        onChange={set('username')}
        testId="auth-username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus={firstField === null}
      />
      {mode === 'setup' && (
        <AuthInput
          {...field('displayName')}
          label={t('auth.displayName')}
          value={values.displayName}
          onChange={set('displayName')}
          testId="auth-display-name"
          autoComplete="name"
        />
      )}
      <AuthInput
        {...field('password')}
        label={t('auth.password')}
        type="password"
        value={values.password}
        onChange={set('password')}
        testId="auth-password"
        autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
      />
      {mode === 'setup' && (
        <>
          <AuthInput
            {...field('repeat')}
            label={t('auth.repeatPassword')}
            type="password"
            value={values.repeat}
            onChange={set('repeat')}
            testId="auth-repeat"
            autoComplete="new-password"
          />
          <p className="hint">{t('auth.passwordHint')}</p>
        </>
      )}
    </>
  );

  return (
    <form
      ref={formRef}
      className="auth-form"
      data-testid={`auth-${mode}`}
      aria-labelledby={`${prefix}-title`}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <h1 id={`${prefix}-title`}>{titles[mode]}</h1>
      <p className="hint">{intros[mode]}</p>
      {notice && (
        <p className="auth-notice" role="status" data-testid="auth-notice">
          {notice}
        </p>
      )}
      {mode === 'setup' ? (
        <div className="setup-columns">
          <fieldset className="auth-section" data-testid="setup-counter">
            <legend>{t('auth.setup.counterSection')}</legend>
            <CounterIdentityFields
              idPrefix={prefix}
              values={identity}
              onChange={setIdentityField}
              problems={errors.fields}
              pinned={pinned}
              identityLocked={counter?.identityLocked ?? false}
              autoFocus={firstField}
            />
          </fieldset>
          <fieldset className="auth-section" data-testid="setup-admin">
            <legend>{t('auth.setup.adminSection')}</legend>
            {accountFields}
          </fieldset>
        </div>
      ) : (
        accountFields
      )}
      {errors.form && (
        <p className="form-errors" role="alert" data-testid="auth-form-error">
          <ProblemText problem={errors.form} />
        </p>
      )}
      {errors.other && <CallErrorMessage error={errors.other} testId="auth-call-error" />}
      <button type="submit" className="primary big" data-testid="auth-submit" disabled={pending}>
        {pending ? t('auth.working') : t(`auth.${mode}.submit`)}
      </button>
    </form>
  );
}
