// A supervisor's Departments dialog: each OPD department's names, slip room,
// shortcut key, consultation rooms and queue rule (docs/decisions.md "The
// queue"), and the hall boards running. Every screen's department list
// follows a save by the departments.changed push.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallErrorMessage } from '../components/call-error-message';
import { Dialog, DialogTitle } from '../components/dialog';
import { useCounterQuery } from '../hooks/use-counter-query';
import { currentLanguage } from '../i18n';
import { BoardsSection } from './boards-section';
import { DepartmentForm } from './department-form';
import './departments.css';

export function DepartmentsDialog({ timeZone, onClose }: { timeZone: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const list = useCounterQuery('departments.list', { includeInactive: true });
  const [chosen, setChosen] = useState<string | null>(null);
  const departments = list.data ?? [];
  const current = departments.find((d) => d.code === chosen) ?? departments[0] ?? null;

  return (
    <Dialog className="departments-dialog" labelledBy="departments-title" testId="departments" modal onClose={onClose}>
      <DialogTitle
        id="departments-title"
        title={t('deptSettings.title')}
        closeLabel={t('deptSettings.close')}
        closeTestId="departments-close"
        onClose={onClose}
      />
      {list.error && <CallErrorMessage error={list.error} testId="departments-load-error" />}
      <div className="departments-layout">
        <nav aria-label={t('deptSettings.list')}>
          <ul className="departments-list">
            {departments.map((d) => (
              <li key={d.code}>
                <button
                  type="button"
                  data-testid={`dept-settings-${d.code}`}
                  aria-pressed={current?.code === d.code}
                  className={d.active ? '' : 'inactive'}
                  onClick={() => setChosen(d.code)}
                >
                  {language === 'hi' ? d.nameHi : d.nameEn}
                  {!d.active && <small> ({t('deptSettings.notInUse')})</small>}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {current && <DepartmentForm key={current.code} department={current} onSaved={list.reload} />}
      </div>
      <BoardsSection departments={departments} timeZone={timeZone} />
    </Dialog>
  );
}
