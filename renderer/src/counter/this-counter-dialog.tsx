// The administrator's This counter dialog: hospital name and time zone may
// change at any time; the letter and hospital code only until something is
// issued with them (the core decides; the fields say why they are fixed).
// Below: whether the HIMS knows another counter with this letter, and what
// IT asks about (counter id, versions).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterInfo } from '../../../preload/contract';
import type { IdentityField } from '../../../preload/contract/methods/counter-schemas';
import { authErrors, NO_ERRORS, type AuthErrors } from '../auth/auth-errors';
import { CallErrorMessage } from '../components/call-error-message';
import { Dialog, DialogTitle } from '../components/dialog';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { currentLanguage } from '../i18n';
import { CounterIdentityFields, type IdentityValues } from './counter-identity-fields';
import { letterCheckSummary, otherCounterLines } from './letter-check-text';
import './counter.css';

const valuesOf = (info: CounterInfo): IdentityValues => ({
  hospitalName: info.hospitalName,
  hospitalNameHi: info.hospitalNameHi,
  hospitalCode: info.hospitalCode ?? '',
  counterLetter: info.counterLetter ?? '',
  timeZone: info.timeZone,
});

export function ThisCounterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const info = useCounterQuery('counter.info', {});
  return (
    <Dialog className="this-counter-dialog" labelledBy="this-counter-title" testId="this-counter" modal onClose={onClose}>
      <DialogTitle
        id="this-counter-title"
        title={t('counter.title')}
        closeLabel={t('counter.close')}
        closeTestId="this-counter-close"
        onClose={onClose}
      />
      {info.error && <CallErrorMessage error={info.error} testId="this-counter-error" />}
      {info.data && <ThisCounterForm key={info.data.counterId} info={info.data} />}
    </Dialog>
  );
}

function ThisCounterForm({ info: loaded }: { info: CounterInfo }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [info, setInfo] = useState(loaded);
  const [values, setValues] = useState(() => valuesOf(loaded));
  const [errors, setErrors] = useState<AuthErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const update = useCounterMutation('counter.update');

  function change(field: IdentityField, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(NO_ERRORS);
    setSaved(false);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const before = valuesOf(info);
    // Only what was changed: a field fixed by configuration or by issuing is never sent back.
    const changes = Object.fromEntries(
      (Object.keys(values) as IdentityField[]).filter((f) => values[f].trim() !== before[f]).map((f) => [f, values[f].trim()]),
    );
    const result = await update.run(changes);
    if (!result) return;
    if (!result.ok) return setErrors(authErrors(result.error));
    setInfo(result.value);
    setValues(valuesOf(result.value));
    setSaved(true);
  }

  return (
    <>
      <form className="this-counter-form" onSubmit={(e) => void submit(e)} noValidate>
        <CounterIdentityFields
          idPrefix="this-counter"
          values={values}
          onChange={change}
          problems={errors.fields}
          pinned={info.pinned}
          identityLocked={info.identityLocked}
          autoFocus="hospitalName"
        />
        {errors.other && <CallErrorMessage error={errors.other} testId="this-counter-save-error" />}
        <div className="actions">
          <button type="submit" className="primary" data-testid="this-counter-save" disabled={update.pending}>
            {t('counter.save')}
          </button>
          {saved && (
            <span className="ok-text" role="status" data-testid="this-counter-saved">
              {t('counter.saved')}
            </span>
          )}
        </div>
      </form>
      <section className="letter-check" data-testid="letter-check" data-state={info.letterCheck.state}>
        <h3>{t('counter.letterCheck.title')}</h3>
        <p>{letterCheckSummary(t, info, language)}</p>
        {info.letterCheck.state === 'duplicate' && (
          <>
            <p>{t('counter.letterCheck.duplicateAdvice')}</p>
            <ul>
              {otherCounterLines(t, info, language).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <dl className="about-counter">
        <dt>{t('counter.about.counterId')}</dt>
        <dd data-testid="counter-id">{info.counterId}</dd>
        <dt>{t('counter.about.appVersion')}</dt>
        <dd>{info.appVersion}</dd>
        <dt>{t('counter.about.schemaVersion')}</dt>
        <dd>{info.schemaVersion}</dd>
        <dt>{t('counter.about.shell')}</dt>
        <dd>{t(info.shell === 'electron' ? 'counter.about.shellElectron' : 'counter.about.shellBrowser')}</dd>
      </dl>
    </>
  );
}
