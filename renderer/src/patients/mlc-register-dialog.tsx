// The police register: medico-legal visits between two dates, for a
// supervisor to read out or copy (tokens.mlcList).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterQuery } from '../hooks/use-counter-query';
import { ageSex } from '../lib/format';
import { parseDateOfBirth } from '../lib/parse-dob';
import { DoorDialog, DoorField } from './door-dialog';

/** "30-11-2026 14:05" in the hospital's time zone, as the slip prints it. */
function recorded(iso: string, timeZone: string | undefined): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

export function MlcRegisterDialog({
  today,
  timeZone,
  onClose,
}: {
  today: string;
  timeZone: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const shown = today.split('-').reverse().join('/');
  const [from, setFrom] = useState(shown);
  const [to, setTo] = useState(shown);
  const range = { from: parseDateOfBirth(from), to: parseDateOfBirth(to) };
  const list = useCounterQuery('tokens.mlcList', range.from && range.to ? { from: range.from, to: range.to } : null);
  return (
    <DoorDialog title={t('door.mlc.register')} testId="mlc-register" onClose={onClose} wide>
      <div className="door-row">
        <DoorField label={t('door.mlc.from')}>
          <input data-testid="mlc-from" autoFocus maxLength={10} value={from} onChange={(e) => setFrom(e.target.value)} />
        </DoorField>
        <DoorField label={t('door.mlc.to')}>
          <input data-testid="mlc-to" maxLength={10} value={to} onChange={(e) => setTo(e.target.value)} />
        </DoorField>
      </div>
      {list.error && <CallErrorMessage error={list.error} title={t('door.mlc.listFailed')} testId="mlc-register-error" />}
      {list.data?.length === 0 && <p data-testid="mlc-register-empty">{t('door.mlc.noneInRange')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="merge-table">
          <thead>
            <tr>
              <th>{t('door.mlc.number')}</th>
              <th>{t('door.mlc.when')}</th>
              <th>{t('door.mlc.patient')}</th>
              <th>{t('door.mlc.policeStation')}</th>
              <th>{t('door.mlc.broughtBy')}</th>
              <th>{t('door.mlc.token')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map(({ token, patient }) => (
              <tr key={token.id} data-testid="mlc-row">
                <td className="mono">{token.mlc?.number}</td>
                <td>{token.mlc ? recorded(token.mlc.at, timeZone) : ''}</td>
                <td>
                  {patient.name} · {ageSex(t, patient)} · {patient.uhid}
                </td>
                <td>{token.mlc?.policeStation}</td>
                <td>{token.mlc?.broughtBy}</td>
                <td>
                  {token.label} {token.departmentNameEn}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DoorDialog>
  );
}
