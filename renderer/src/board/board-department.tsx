// One department on the hall board. Each call is one line, token and room
// together, never wrapped apart (board-fit.ts shrinks a line rather than
// break it); the newest call is the largest. The call the speakers are
// saying now is highlighted, so what the hall hears is what it sees lit;
// with nothing being said, the newest is. "Waiting: N" sits in the heading,
// where it never falls off; "Called before" keeps as many as fit.
import { useTranslation } from 'react-i18next';
import type { BoardCall, BoardDepartment } from '../../../preload/contract/methods/queue-schemas';
import type { Language } from '../i18n';

interface Props {
  department: BoardDepartment;
  language: Language;
  /** The token being announced now (its id), if any. */
  announcing: string | null;
}

export function DepartmentPanel({ department, language, announcing }: Props) {
  const { t } = useTranslation();
  const name = language === 'hi' ? department.nameHi : department.nameEn;
  const other = language === 'hi' ? department.nameEn : department.nameHi;
  const spokenHere = announcing !== null && department.nowCalling.some((c) => c.tokenId === announcing);
  const lit = (call: BoardCall, i: number) => (spokenHere ? call.tokenId === announcing : announcing === null && i === 0);
  return (
    <section className="board-department" data-testid="board-department" data-code={department.code}>
      <div className="board-department-head">
        <h2>
          {name} <span className="board-department-other">{other}</span>
        </h2>
        <p className="board-waiting" data-testid="board-waiting" data-count={department.waiting}>
          {t('board.waiting', { count: department.waiting })}
        </p>
      </div>
      <p className="board-label">{t('board.nowCalling')}</p>
      <ol className="board-now">
        {department.nowCalling.length === 0 && <li className="board-none">—</li>}
        {department.nowCalling.map((call, i) => (
          <li
            key={call.tokenId}
            className={`board-call${i === 0 ? ' latest' : ''}${lit(call, i) ? ' lit' : ''}`}
            data-testid="board-now"
            data-label={call.label}
            data-announcing={call.tokenId === announcing}
          >
            <span className="board-token">{call.label}</span>
            <span className="board-arrow" aria-hidden="true">
              →
            </span>
            <span className="board-room">{t('board.room', { room: call.room })}</span>
            {call.firstName && <span className="board-name">{call.firstName}</span>}
          </li>
        ))}
      </ol>
      {department.recent.length > 0 && (
        <div className="board-history">
          <p className="board-label">{t('board.recent')}</p>
          <ol className="board-recent">
            {department.recent.map((call) => (
              <li
                key={call.tokenId}
                className={call.tokenId === announcing ? 'lit' : undefined}
                data-testid="board-recent"
                data-label={call.label}
                data-announcing={call.tokenId === announcing}
              >
                <span className="board-token">{call.label}</span> <span className="board-arrow">→</span> {call.room}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
