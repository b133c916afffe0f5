// The hall boards a supervisor started, with a way to end one (a board left
// on in a hall that is being repurposed, or a lost session): its screen then
// asks for a supervisor again. No tokens here, only who started what.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Department } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { currentLanguage } from '../i18n';
import { dateTimeText } from '../lib/dates';

export function BoardsSection({ departments, timeZone }: { departments: Department[]; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const boards = useCounterQuery('boards.list', {});
  const end = useCounterMutation('boards.end');
  const name = (code: string) => {
    const d = departments.find((x) => x.code === code);
    return d ? (language === 'hi' ? d.nameHi : d.nameEn) : code;
  };
  const when = (iso: string) => dateTimeText(iso, language, timeZone);
  const running = (boards.data ?? []).filter((b) => b.endedAt === null);
  const [endError, setEndError] = useState<CallError | null>(null);
  async function endBoard(id: string) {
    const result = await end.run({ id });
    setEndError(result && !result.ok ? result.error : null);
    boards.reload();
  }

  return (
    <section className="boards-section" data-testid="boards-section">
      <h3>{t('deptSettings.boards.title')}</h3>
      {boards.error && <CallErrorMessage error={boards.error} testId="boards-error" />}
      {endError && <CallErrorMessage error={endError} testId="board-end-error" />}
      {boards.data && running.length === 0 && <p data-testid="boards-empty">{t('deptSettings.boards.empty')}</p>}
      {running.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('deptSettings.boards.departments')}</th>
              <th>{t('deptSettings.boards.startedBy')}</th>
              <th>{t('deptSettings.boards.since')}</th>
              <th>{t('deptSettings.boards.until')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {running.map((b) => (
              <tr key={b.id} data-testid="board-row" data-id={b.id}>
                <td>
                  {b.departmentCodes.map(name).join(', ')}
                  {b.showFirstNames && <small> · {t('deptSettings.boards.names')}</small>}
                </td>
                <td>{b.startedBy}</td>
                <td>{when(b.startedAt)}</td>
                <td>{when(b.expiresAt)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    data-testid="board-end"
                    disabled={end.pending}
                    onClick={() => void endBoard(b.id)}
                  >
                    {t('deptSettings.boards.end')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
