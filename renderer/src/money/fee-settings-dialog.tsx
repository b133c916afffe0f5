// Fees settings, for a supervisor: how receipts print, the
// hospital's UPI address, the fee schedule (every department, or one's own
// fees) with ticket validity, and the exemption list. Amounts are typed in
// rupees and sent as paise; a hospital that charges nothing leaves it all at 0.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Department } from '../../../preload/contract';
import type { Exemption, FeeSettings, ScheduleRow } from '../../../preload/contract/methods/fee-schemas';
import { parseRupees, rupees } from '../../../preload/contract/money';
import { CallErrorMessage } from '../components/call-error-message';
import { Dialog, DialogTitle } from '../components/dialog';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { currentLanguage } from '../i18n';
import { departmentName } from '../lib/format';
import { useFeeSettings } from './use-fees';
import './money.css';
import { useMoneyT, type MoneyKey } from './use-money-t';

interface Props {
  departments: Department[];
  onClose: () => void;
}

export function FeeSettingsDialog({ departments, onClose }: Props) {
  const tm = useMoneyT();
  const [version, setVersion] = useState(0);
  const settings = useFeeSettings(version);
  const [error, setError] = useState<CallError | null>(null);
  const reload = () => setVersion((v) => v + 1);
  return (
    <Dialog onClose={onClose} labelledBy="fees-title" testId="fees" className="money-dialog" modal>
      <DialogTitle
        id="fees-title"
        title={tm('settings.title')}
        closeLabel={tm('settings.close')}
        closeTestId="fees-close"
        onClose={onClose}
      />
      {settings.error && <CallErrorMessage error={settings.error} />}
      {error && <CallErrorMessage error={error} testId="fees-error" />}
      {settings.data && (
        <>
          <ReceiptsAndUpi settings={settings.data} onSaved={reload} onError={setError} />
          <Schedule settings={settings.data} departments={departments} onSaved={reload} onError={setError} />
          <Exemptions exemptions={settings.data.exemptions} onSaved={reload} onError={setError} />
        </>
      )}
    </Dialog>
  );
}

interface Part {
  onSaved: () => void;
  onError: (e: CallError | null) => void;
}

function ReceiptsAndUpi({ settings, onSaved, onError }: Part & { settings: FeeSettings }) {
  const tm = useMoneyT();
  const save = useCounterMutation('fees.saveSettings');
  const [slips, setSlips] = useState(settings.receiptSlips);
  const [vpa, setVpa] = useState(settings.upiVpa ?? '');
  const [name, setName] = useState(settings.upiPayeeName ?? '');
  const [saved, setSaved] = useState(false);
  async function submit() {
    const r = await save.run({ receiptSlips: slips, upiVpa: vpa.trim() || null, upiPayeeName: name.trim() || null });
    if (!r) return;
    onError(r.ok ? null : r.error);
    setSaved(r.ok);
    if (r.ok) onSaved();
  }
  return (
    <section>
      <div className="money-grid">
        <label>
          <span>{tm('settings.receiptSlips')}</span>
          <select
            data-testid="fees-receipt-slips"
            value={slips}
            onChange={(e) => setSlips(e.target.value === 'two' ? 'two' : 'one')}
          >
            <option value="one">{tm('settings.one')}</option>
            <option value="two">{tm('settings.two')}</option>
          </select>
        </label>
        <label>
          <span>{tm('settings.upiVpa')}</span>
          <input data-testid="fees-upi-vpa" value={vpa} onChange={(e) => setVpa(e.target.value)} placeholder="hospital@sbi" />
        </label>
        <label>
          <span>{tm('settings.upiName')}</span>
          <input data-testid="fees-upi-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      <div className="money-actions">
        <button
          type="button"
          className="primary"
          data-testid="fees-settings-save"
          disabled={save.pending}
          onClick={() => void submit()}
        >
          {tm('settings.save')}
        </button>
        {saved && <span data-testid="fees-settings-saved">{tm('settings.saved')}</span>}
      </div>
    </section>
  );
}

const amountText = (paise: number) => rupees(paise).replace(/,/g, '');

function ScheduleLine({ row, label, onSaved, onError }: Part & { row: ScheduleRow; label: string }) {
  const tm = useMoneyT();
  const save = useCounterMutation('fees.saveSchedule');
  const [values, setValues] = useState({
    newPaise: amountText(row.newPaise),
    revisitPaise: amountText(row.revisitPaise),
    followUpPaise: amountText(row.followUpPaise),
    validityDays: String(row.validityDays),
  });
  const [bad, setBad] = useState(false);
  async function submit(useDefault: boolean) {
    const paise = {
      newPaise: parseRupees(values.newPaise),
      revisitPaise: parseRupees(values.revisitPaise),
      followUpPaise: parseRupees(values.followUpPaise),
    };
    const days = Number(values.validityDays);
    if (Object.values(paise).some((p) => p === null) || !Number.isInteger(days)) {
      setBad(true);
      return;
    }
    setBad(false);
    const r = await save.run({
      departmentCode: row.departmentCode,
      newPaise: paise.newPaise!,
      revisitPaise: paise.revisitPaise!,
      followUpPaise: paise.followUpPaise!,
      validityDays: days,
      useDefault,
    });
    if (!r) return;
    onError(r.ok ? null : r.error);
    if (r.ok) onSaved();
  }
  // Each input is named by its row and its column, as a sighted clerk reads the table.
  const column: Record<keyof typeof values, MoneyKey> = {
    newPaise: 'settings.newFee',
    revisitPaise: 'settings.revisitFee',
    followUpPaise: 'settings.followUpFee',
    validityDays: 'settings.validity',
  };
  const field = (key: keyof typeof values) => (
    <td>
      <input
        data-testid={`fees-schedule-${key}`}
        aria-label={`${label}: ${tm(column[key])}`}
        inputMode="decimal"
        value={values[key]}
        aria-invalid={bad}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
      />
    </td>
  );
  return (
    <tr data-testid="fees-schedule-row" data-department={row.departmentCode}>
      <th scope="row">{label}</th>
      {field('newPaise')}
      {field('revisitPaise')}
      {field('followUpPaise')}
      {field('validityDays')}
      <td>
        <button
          type="button"
          className="secondary small"
          data-testid="fees-schedule-save"
          disabled={save.pending}
          onClick={() => void submit(false)}
        >
          {tm('settings.save')}
        </button>
        {row.departmentCode !== '*' && (
          <button type="button" className="secondary small" data-testid="fees-schedule-default" onClick={() => void submit(true)}>
            {tm('settings.useDefault')}
          </button>
        )}
        {bad && (
          <span className="field-error" role="alert">
            {tm('settings.badAmount')}
          </span>
        )}
      </td>
    </tr>
  );
}

function Schedule({ settings, departments, onSaved, onError }: Part & { settings: FeeSettings; departments: Department[] }) {
  const { i18n } = useTranslation();
  const tm = useMoneyT();
  const language = currentLanguage(i18n.language);
  const [added, setAdded] = useState<string[]>([]);
  const fallback = settings.schedule.find((r) => r.departmentCode === '*')!;
  const own = new Set(settings.schedule.map((r) => r.departmentCode));
  const rows: ScheduleRow[] = [
    ...settings.schedule,
    ...added.filter((code) => !own.has(code)).map((code) => ({ ...fallback, departmentCode: code })),
  ];
  const label = (code: string) =>
    code === '*'
      ? tm('settings.allDepartments')
      : departmentName(
          departments.find((d) => d.code === code),
          code,
          language,
        );
  return (
    <section>
      <h3>{tm('settings.schedule')}</h3>
      <p className="hint">{tm('settings.scheduleHint')}</p>
      <table className="money-table" data-testid="fees-schedule">
        <thead>
          <tr>
            <th>{tm('settings.department')}</th>
            <th>{tm('settings.newFee')}</th>
            <th>{tm('settings.revisitFee')}</th>
            <th>{tm('settings.followUpFee')}</th>
            <th>{tm('settings.validity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ScheduleLine
              key={`${row.departmentCode}:${row.newPaise}:${row.revisitPaise}:${row.followUpPaise}:${row.validityDays}`}
              row={row}
              label={label(row.departmentCode)}
              onSaved={() => {
                setAdded([]);
                onSaved();
              }}
              onError={onError}
            />
          ))}
        </tbody>
      </table>
      <label className="money-actions">
        <span>{tm('settings.addDepartment')}</span>
        <select
          data-testid="fees-schedule-add"
          value=""
          onChange={(e) => e.target.value && setAdded((a) => [...a, e.target.value])}
        >
          <option value="">—</option>
          {departments
            .filter((d) => !own.has(d.code) && !added.includes(d.code))
            .map((d) => (
              <option key={d.code} value={d.code}>
                {departmentName(d, d.code, language)}
              </option>
            ))}
        </select>
      </label>
    </section>
  );
}

function ExemptionLine({ exemption, onSaved, onError }: Part & { exemption: Exemption | null }) {
  const tm = useMoneyT();
  const save = useCounterMutation('fees.saveExemption');
  const [v, setV] = useState({
    code: exemption?.code ?? '',
    nameEn: exemption?.nameEn ?? '',
    nameHi: exemption?.nameHi ?? '',
    proofRequired: exemption?.proofRequired ?? true,
    active: exemption?.active ?? true,
  });
  async function submit() {
    const r = await save.run({ ...v, ...(exemption ? { sortOrder: exemption.sortOrder } : {}) });
    if (!r) return;
    onError(r.ok ? null : r.error);
    if (r.ok) {
      onSaved();
      if (!exemption) setV({ code: '', nameEn: '', nameHi: '', proofRequired: true, active: true });
    }
  }
  const row = exemption ? exemption.code : tm('settings.addExemption');
  const named = (column: MoneyKey) => ({ 'aria-label': `${row}: ${tm(column)}` });
  return (
    <tr data-testid="fees-exemption-row" data-code={exemption?.code ?? 'new'}>
      <td>
        {exemption ? (
          <code>{exemption.code}</code>
        ) : (
          <input
            data-testid="fees-exemption-code"
            {...named('settings.code')}
            value={v.code}
            maxLength={32}
            onChange={(e) => setV({ ...v, code: e.target.value.toLowerCase() })}
          />
        )}
      </td>
      <td>
        <input
          data-testid="fees-exemption-name-en"
          {...named('settings.nameEn')}
          value={v.nameEn}
          maxLength={60}
          onChange={(e) => setV({ ...v, nameEn: e.target.value })}
        />
      </td>
      <td>
        <input
          data-testid="fees-exemption-name-hi"
          {...named('settings.nameHi')}
          lang="hi"
          value={v.nameHi}
          maxLength={60}
          onChange={(e) => setV({ ...v, nameHi: e.target.value })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          data-testid="fees-exemption-proof"
          {...named('settings.proofRequired')}
          checked={v.proofRequired}
          onChange={(e) => setV({ ...v, proofRequired: e.target.checked })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          data-testid="fees-exemption-active"
          {...named('settings.active')}
          checked={v.active}
          onChange={(e) => setV({ ...v, active: e.target.checked })}
        />
      </td>
      <td>
        <button
          type="button"
          className="secondary small"
          data-testid="fees-exemption-save"
          disabled={save.pending}
          onClick={() => void submit()}
        >
          {exemption ? tm('settings.save') : tm('settings.addExemption')}
        </button>
      </td>
    </tr>
  );
}

function Exemptions({ exemptions, onSaved, onError }: Part & { exemptions: Exemption[] }) {
  const tm = useMoneyT();
  return (
    <section>
      <h3>{tm('settings.exemptions')}</h3>
      <table className="money-table" data-testid="fees-exemptions">
        <thead>
          <tr>
            <th>{tm('settings.code')}</th>
            <th>{tm('settings.nameEn')}</th>
            <th>{tm('settings.nameHi')}</th>
            <th>{tm('settings.proofRequired')}</th>
            <th>{tm('settings.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {exemptions.map((e) => (
            <ExemptionLine
              key={`${e.code}:${e.nameEn}:${e.nameHi}:${e.proofRequired}:${e.active}`}
              exemption={e}
              onSaved={onSaved}
              onError={onError}
            />
          ))}
          <ExemptionLine exemption={null} onSaved={onSaved} onError={onError} />
        </tbody>
      </table>
    </section>
  );
}
