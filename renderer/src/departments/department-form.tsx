// One department's settings (departments-dialog.tsx). The core checks every
// value; a refusal is shown at the field it names, with the core's words.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Department } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { changesOf, fieldsOf, valuesOf, type DepartmentField, type DepartmentValues } from './department-form-values';

export function DepartmentForm({ department: loaded, onSaved }: { department: Department; onSaved: () => void }) {
  const { t } = useTranslation();
  // What the core holds now: the changes are worked out against it.
  const [department, setDepartment] = useState(loaded);
  const [values, setValues] = useState(() => valuesOf(loaded));
  const [refusal, setRefusal] = useState<{ error: CallError; fields: DepartmentField[] } | null>(null);
  const [saved, setSaved] = useState(false);
  const update = useCounterMutation('departments.update');

  function change(patch: Partial<DepartmentValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setRefusal(null);
    setSaved(false);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await update.run(changesOf(department, values));
    if (!result) return;
    if (!result.ok) {
      const fields = fieldsOf(result.error);
      setRefusal({ error: result.error, fields });
      if (fields[0]) document.getElementById(`dept-${fields[0]}`)?.focus();
      return;
    }
    setDepartment(result.value);
    setValues(valuesOf(result.value));
    setSaved(true);
    onSaved();
  }

  const problem = (field: DepartmentField) =>
    refusal?.fields.includes(field) ? (
      <span className="field-error" role="alert" data-testid={`dept-error-${field}`}>
        {t(`deptSettings.errors.${field}`)}
      </span>
    ) : null;

  const text = (
    field: 'nameEn' | 'nameHi' | 'room' | 'roomHi' | 'shortcut' | 'rooms' | 'interleaveEvery',
    label: string,
    maxLength: number,
  ) => (
    <label className="dept-field">
      <span>{label}</span>
      <input
        id={`dept-${field}`}
        data-testid={`dept-${field}`}
        value={values[field]}
        maxLength={maxLength}
        aria-invalid={refusal?.fields.includes(field) ?? false}
        onChange={(e) => change({ [field]: e.target.value })}
      />
      {problem(field)}
    </label>
  );

  return (
    <form className="dept-form" data-testid="dept-form" data-code={department.code} onSubmit={(e) => void submit(e)} noValidate>
      <div className="dept-row">
        {text('nameEn', t('deptSettings.nameEn'), 80)}
        {text('nameHi', t('deptSettings.nameHi'), 80)}
      </div>
      <div className="dept-row">
        {text('room', t('deptSettings.room'), 40)}
        {text('roomHi', t('deptSettings.roomHi'), 40)}
      </div>
      <div className="dept-row">
        {text('shortcut', t('deptSettings.shortcut'), 1)}
        <label className="dept-check">
          <input
            type="checkbox"
            data-testid="dept-active"
            checked={values.active}
            onChange={(e) => change({ active: e.target.checked })}
          />
          <span>{t('deptSettings.active')}</span>
        </label>
      </div>
      {text('rooms', t('deptSettings.rooms'), 400)}
      <p className="hint">{t('deptSettings.roomsHint')}</p>
      <fieldset className="dept-rule">
        <legend>{t('deptSettings.rule')}</legend>
        <label className="dept-field">
          <span>{t('deptSettings.priority.label')}</span>
          <select
            data-testid="dept-priority"
            value={values.priority}
            onChange={(e) => change({ priority: e.target.value as DepartmentValues['priority'] })}
          >
            {(['ahead', 'interleave', 'arrival'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`deptSettings.priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {values.priority === 'interleave' && text('interleaveEvery', t('deptSettings.interleaveEvery'), 2)}
        <label className="dept-field">
          <span>{t('deptSettings.roomMode.label')}</span>
          <select
            data-testid="dept-room-mode"
            value={values.roomMode}
            onChange={(e) => change({ roomMode: e.target.value as DepartmentValues['roomMode'] })}
          >
            {(['shared', 'per_room'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`deptSettings.roomMode.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="dept-field">
          <span>{t('deptSettings.returnTo.label')}</span>
          <select
            data-testid="dept-return-to"
            value={values.returnTo}
            onChange={(e) => change({ returnTo: e.target.value as DepartmentValues['returnTo'] })}
          >
            {(['place', 'end'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`deptSettings.returnTo.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {refusal && refusal.fields.length === 0 && <CallErrorMessage error={refusal.error} testId="dept-save-error" />}
      <div className="actions">
        <button type="submit" className="primary" data-testid="dept-save" disabled={update.pending}>
          {t('deptSettings.save')}
        </button>
        {saved && (
          <span className="ok-text" role="status" data-testid="dept-saved">
            {t('deptSettings.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
