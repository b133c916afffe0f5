// The hall board's page (?mode=board), loaded on its own (React.lazy in
// app.tsx) so the counter never downloads the board's sound clips. Without a
// board session: the supervisor's start form; while the core cannot be
// reached: a plain "not connected" screen that retries by itself.
import { useTranslation } from 'react-i18next';
import { AuthScreen } from '../auth/auth-screen';
import { useCounterSetup } from '../hooks/use-counter-setup';
import { currentLanguage } from '../i18n';
import { BoardScreen } from './board-screen';
import { BoardStartForm } from './board-start-form';
import { useBoardSession } from './use-board-session';
import '../auth/auth.css';
import './board.css';

export default function BoardApp() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const session = useBoardSession();
  const setup = useCounterSetup();
  const { phase } = session;

  // Running, or running until the core went out of reach (the board then says "Not connected" itself).
  const grant = phase.name === 'running' ? phase.grant : phase.name === 'unreachable' ? session.grant : null;
  if (grant) {
    return (
      <BoardScreen grant={grant} hospitalNames={setup.info ?? null} timeZone={setup.info?.timeZone} recheck={session.recheck} />
    );
  }
  if (phase.name === 'start') {
    return (
      <AuthScreen testId="board-start">
        <BoardStartForm departments={setup.departments} language={language} ended={phase.ended} start={session.start} />
      </AuthScreen>
    );
  }
  return (
    <div className="board" data-testid="board" data-connection={phase.name === 'loading' ? 'connecting' : 'offline'}>
      <main className="board-offline" data-testid="board-offline" role="alert">
        <p className="board-offline-title">{t(phase.name === 'loading' ? 'board.connecting' : 'board.offline.title')}</p>
        {phase.name === 'unreachable' && <p>{t('board.offline.body')}</p>}
      </main>
    </div>
  );
}
