// The audit log, for a supervisor: by dates (the hospital's days), clerk and
// patient; newest first with "Show older"; "Check the chain" says whether any
// entry was changed or removed outside the app and which; Export CSV.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../preload/contract/methods/ops-schemas';
import { CallErrorMessage } from '../components/call-error-message';
import { currentLanguage } from '../i18n';
import { DialogFrame } from './dialog-frame';
import { dateTimeText, parseDay } from '../lib/dates';
import { useAudit, type AuditFilterValues } from './use-audit';

const EMPTY = { from: '', to: '', actor: '', patient: '' };

/** Days are typed day first (08-12-2026) and sent as ISO; one that is not a date goes as typed, for the core to refuse. */
function toFilter(form: typeof EMPTY): AuditFilterValues {
  const out: AuditFilterValues = {};
  for (const [k, v] of Object.entries(form) as [keyof typeof EMPTY, string][]) {
    if (!v.trim()) continue;
    out[k] = k === 'from' || k === 'to' ? (parseDay(v) ?? v.trim()) : v.trim();
  }
  return out;
}

function detailText(row: AuditRow): string {
  if (!row.detail) return '';
  return Object.entries(row.detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

export function AuditDialog({ timeZone, onClose }: { timeZone: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [form, setForm] = useState(EMPTY);
  const [filter, setFilter] = useState<AuditFilterValues>({});
  const audit = useAudit(filter);
  const when = (iso: string) => dateTimeText(iso, language, timeZone);
  const actionWords = (action: string) => {
    const key = `ops.audit.action.${action}`;
    return i18n.exists(key) ? (t(key as never) as unknown as string) : action;
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFilter(toFilter(form));
  }

  const field = (name: keyof typeof EMPTY, day = false) => (
    <label className="ops-field narrow" htmlFor={`audit-${name}`}>
      <span>{t(`ops.audit.${name}`)}</span>
      <input
        id={`audit-${name}`}
        data-testid={`audit-${name}`}
        value={form[name]}
        {...(day ? { inputMode: 'numeric' as const, maxLength: 10, placeholder: t('form.dobPlaceholder') } : {})}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        lang="en"
      />
    </label>
  );

  return (
    <DialogFrame id="audit-title" title={t('ops.audit.title')} testId="audit" onClose={onClose}>
      <form className="ops-row ops-filters" onSubmit={onSubmit} noValidate>
        {field('from', true)}
        {field('to', true)}
        {field('actor')}
        {field('patient')}
        <button type="submit" className="primary small" data-testid="audit-show">
          {t('ops.audit.show')}
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            setForm(EMPTY);
            setFilter({});
          }}
        >
          {t('ops.audit.clear')}
        </button>
      </form>
      <div className="ops-row">
        <button type="button" className="secondary small" data-testid="audit-verify" onClick={audit.verify}>
          {t('ops.audit.verify')}
        </button>
        <button type="button" className="secondary small" data-testid="audit-export" onClick={audit.exportCsv}>
          {t('ops.audit.export')}
        </button>
        {audit.exported && (
          <span className="ops-ok" role="status" data-testid="audit-exported">
            {audit.exported.truncated
              ? t('ops.audit.truncated', { count: audit.exported.rows })
              : t('ops.audit.exported', { count: audit.exported.rows })}
          </span>
        )}
      </div>
      {audit.verdict && (
        <div
          className={`ops-verdict ${audit.verdict.intact ? 'ok' : 'broken'}`}
          role="status"
          data-testid="audit-verdict"
          data-intact={audit.verdict.intact}
        >
          {audit.verdict.intact ? (
            <p>{t('ops.audit.intact', { count: audit.verdict.entries })}</p>
          ) : (
            <>
              <p>
                <strong>{t('ops.audit.broken', { count: audit.verdict.breaks.length })}</strong>
              </p>
              <ul>
                {audit.verdict.breaks.map((b) => (
                  <li key={b.seq} data-testid="audit-break" data-seq={b.seq}>
                    {t('ops.audit.breakLine', {
                      seq: b.seq,
                      time: when(b.at),
                      actor: b.actor,
                      action: actionWords(b.action),
                      reason: t(`ops.audit.reason.${b.reason}`),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {audit.error && <CallErrorMessage error={audit.error} testId="audit-error" />}
      {audit.entries.length === 0 && !audit.loading && !audit.error && <p className="hint">{t('ops.audit.empty')}</p>}
      {audit.entries.length > 0 && (
        <table className="ops-table audit-table" data-testid="audit-list" aria-busy={audit.loading}>
          <thead>
            <tr>
              <th>{t('ops.audit.time')}</th>
              <th>{t('ops.audit.who')}</th>
              <th>{t('ops.audit.what')}</th>
              <th>{t('ops.audit.record')}</th>
              <th>{t('ops.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.entries.map((row) => (
              <tr key={row.seq} data-testid="audit-row" data-seq={row.seq} data-action={row.action}>
                <td>{when(row.at)}</td>
                <td lang="en">{row.actor}</td>
                <td>{actionWords(row.action)}</td>
                <td className="audit-record" lang="en">
                  {row.entity} {/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(row.entityId) ? row.entityId.slice(0, 8) : row.entityId}
                </td>
                <td className="audit-detail" lang="en">
                  {detailText(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.more && (
        <button type="button" className="secondary small" data-testid="audit-older" onClick={audit.loadOlder}>
          {t('ops.audit.older')}
        </button>
      )}
    </DialogFrame>
  );
}
