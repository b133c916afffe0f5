// Accounts, for an administrator: every account with its role and whether it
// may sign in, a new password for someone who forgot theirs, and a form for a
// new account. Accounts are never deleted (the audit log names them); an
// account that should no longer sign in is made inactive. The administrator's
// own role and active switch are not offered here: changing them would end
// the session in use (the core keeps one active administrator regardless).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../preload/contract';
import { Role, type Clerk } from '../../../preload/contract/methods/auth-schemas';
import { CallErrorMessage } from '../components/call-error-message';
import { authErrors, firstInvalid, NO_ERRORS, type AuthErrors } from './auth-errors';
import { AuthInput, ProblemText } from './auth-field';
import { useAccounts } from './use-accounts';
import { Dialog, DialogTitle } from '../components/dialog';

const ROLES = Role.options;

function FormProblems({ errors, testId }: { errors: AuthErrors; testId: string }) {
  return (
    <>
      {errors.form && (
        <p className="form-errors" role="alert" data-testid={testId}>
          <ProblemText problem={errors.form} />
        </p>
      )}
      {errors.other && <CallErrorMessage error={errors.other} testId={`${testId}-call`} />}
    </>
  );
}

function CreateAccount({
  create,
}: {
  create: (v: Omit<Clerk, 'id' | 'active' | 'createdAt'> & { password: string }) => Promise<CallResult<Clerk> | null>;
}) {
  const { t } = useTranslation();
  const empty = { username: '', displayName: '', role: 'clerk' as Clerk['role'], password: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<AuthErrors>(NO_ERRORS);
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const result = await create(values);
    if (!result) return;
    if (result.ok) {
      setValues(empty);
      setErrors(NO_ERRORS);
      setCreated(result.value.displayName);
      form.querySelector<HTMLInputElement>('#account-new-username')?.focus();
      return;
    }
    const found = authErrors(result.error);
    setErrors(found);
    setCreated(null);
    const first = firstInvalid(found, ['username', 'displayName', 'password']);
    if (first) form.querySelector<HTMLInputElement>(`#account-new-${first}`)?.focus();
  }

  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
    setCreated(null);
  };

  return (
    <form className="account-create" data-testid="account-create" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{t('accounts.create.title')}</h3>
      <div className="account-create-fields">
        <AuthInput
          id="account-new-username"
          label={t('auth.username')}
          value={values.username}
          onChange={set('username')}
          problem={errors.fields.username}
          testId="account-new-username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
        />
        <AuthInput
          id="account-new-displayName"
          label={t('auth.displayName')}
          value={values.displayName}
          onChange={set('displayName')}
          problem={errors.fields.displayName}
          testId="account-new-display-name"
          autoComplete="off"
        />
        <div className="auth-field">
          <label htmlFor="account-new-role">{t('accounts.role')}</label>
          <select
            id="account-new-role"
            data-testid="account-new-role"
            value={values.role}
            onChange={(e) => set('role')(e.target.value)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`auth.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <AuthInput
          id="account-new-password"
          label={t('auth.password')}
          type="password"
          value={values.password}
          onChange={set('password')}
          problem={errors.fields.password}
          testId="account-new-password"
          autoComplete="new-password"
        />
      </div>
      <p className="hint">{t('auth.passwordHint')}</p>
      <FormProblems errors={errors} testId="account-create-error" />
      {created && (
        <p className="auth-notice" role="status" data-testid="account-created">
          {t('accounts.create.done', { name: created })}
        </p>
      )}
      <button type="submit" className="primary" data-testid="account-create-submit">
        {t('accounts.create.submit')}
      </button>
    </form>
  );
}

interface RowProps {
  clerk: Clerk;
  self: boolean;
  update: ReturnType<typeof useAccounts>['update'];
}

function AccountRow({ clerk, self, update }: RowProps) {
  const { t } = useTranslation();
  const [settingPassword, setSettingPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<AuthErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);

  async function change(changes: { role?: Clerk['role']; active?: boolean; password?: string }) {
    const result = await update({ id: clerk.id, ...changes });
    if (!result) return false;
    setErrors(result.ok ? NO_ERRORS : authErrors(result.error));
    setSaved(result.ok && changes.password !== undefined);
    return result.ok;
  }

  async function onPassword(e: FormEvent) {
    e.preventDefault();
    if (await change({ password })) {
      setSettingPassword(false);
      setPassword('');
    }
  }

  return (
    <li className="account-row" data-testid="account-row" data-username={clerk.username} data-active={clerk.active}>
      <div className="account-main">
        <span className="account-name">{clerk.displayName}</span>
        <span className="account-username" lang="en">
          {clerk.username}
        </span>
        <label className="account-control">
          <span className="visually-hidden">{t('accounts.roleOf', { name: clerk.displayName })}</span>
          <select
            data-testid="account-role"
            value={clerk.role}
            disabled={self}
            onChange={(e) => void change({ role: e.target.value as Clerk['role'] })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`auth.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="account-control check">
          <input
            type="checkbox"
            data-testid="account-active"
            checked={clerk.active}
            disabled={self}
            onChange={(e) => void change({ active: e.target.checked })}
          />
          {t('accounts.active')}
        </label>
        {!settingPassword && (
          <button
            type="button"
            className="secondary small"
            data-testid="account-password-open"
            onClick={() => {
              setSettingPassword(true);
              setSaved(false);
            }}
          >
            {t('accounts.newPassword')}
          </button>
        )}
        {self && <span className="hint">{t('accounts.you')}</span>}
      </div>
      {settingPassword && (
        <form className="account-password" onSubmit={(e) => void onPassword(e)} noValidate>
          <AuthInput
            id={`account-password-${clerk.id}`}
            label={t('accounts.newPasswordFor', { name: clerk.displayName })}
            type="password"
            value={password}
            onChange={(v) => {
              setPassword(v);
              setErrors(NO_ERRORS);
            }}
            problem={errors.fields.password}
            testId="account-password"
            autoComplete="new-password"
            autoFocus
          />
          <button type="submit" className="primary small" data-testid="account-password-save">
            {t('accounts.savePassword')}
          </button>
          <button type="button" className="secondary small" onClick={() => setSettingPassword(false)}>
            {t('accounts.cancel')}
          </button>
        </form>
      )}
      {saved && (
        <p className="auth-notice" role="status" data-testid="account-password-saved">
          {t('accounts.passwordSaved')}
        </p>
      )}
      <FormProblems errors={errors} testId="account-row-error" />
    </li>
  );
}

export function AccountsDialog({ self, onClose }: { self: string; onClose: () => void }) {
  const { t } = useTranslation();
  const accounts = useAccounts();

  return (
    <Dialog className="accounts-dialog" labelledBy="accounts-title" testId="accounts" modal onClose={onClose}>
      <DialogTitle
        id="accounts-title"
        title={t('accounts.title')}
        closeLabel={t('accounts.close')}
        closeTestId="accounts-close"
        onClose={onClose}
      />
      {accounts.error && <CallErrorMessage error={accounts.error} title={t('accounts.loadFailed')} testId="accounts-error" />}
      <ul className="account-list" aria-busy={accounts.loading}>
        {accounts.clerks.map((clerk) => (
          <AccountRow key={clerk.id} clerk={clerk} self={clerk.username === self} update={accounts.update} />
        ))}
      </ul>
      <CreateAccount create={accounts.create} />
    </Dialog>
  );
}
