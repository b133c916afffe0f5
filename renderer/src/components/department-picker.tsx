// Departments as big buttons, each with the key that picks it. Enter on a
// focused department button picks it and issues at once: one key, one token.
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../preload/contract';
import type { Language } from '../i18n';
import { departmentName, departmentRoom } from '../lib/format';

interface Props {
  departments: Department[];
  selected: string | null;
  language: Language;
  onSelect: (code: string) => void;
  onSelectAndIssue: (code: string) => void;
}

export function DepartmentPicker({ departments, selected, language, onSelect, onSelectAndIssue }: Props) {
  const { t } = useTranslation();
  if (departments.length === 0) return <p className="muted">{t('panel.noDepartments')}</p>;
  return (
    <div className="department-picker" role="group" aria-label={t('panel.department')}>
      {departments.map((d) => (
        <button
          key={d.code}
          type="button"
          className="department"
          data-testid={`dept-${d.code}`}
          aria-pressed={selected === d.code}
          aria-keyshortcuts={d.shortcut ?? undefined}
          onClick={() => onSelect(d.code)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onSelectAndIssue(d.code);
            }
          }}
        >
          {d.shortcut && <kbd className="dept-key">{d.shortcut}</kbd>}
          <span className="dept-name">{departmentName(d, d.code, language)}</span>
          <span className="dept-room">{t('panel.room', { room: departmentRoom(d, language) })}</span>
        </button>
      ))}
    </div>
  );
}
