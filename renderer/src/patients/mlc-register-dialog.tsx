// The police register: medico-legal visits between two dates, for a
// supervisor to read out or copy (tokens.mlcList).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterQuery } from '../hooks/use-counter-query';
import { ageSex } from '../lib/format';
import { dateTimeNumeric, dayNumeric, parseDay } from '../lib/dates';
import { DoorDialog, DoorField } from './door-dialog';

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
  const shown = dayNumeric(today);
  const [from, setFrom] = useState(shown);
  const [to, setTo] = useState(shown);
  const range = { from: parseDay(from), to: parseDay(to) };
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
                <td>{token.mlc ? dateTimeNumeric(token.mlc.at, timeZone) : ''}</td>
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
