// Settings → Counters → Screens: what pairs a room screen or hall board on
// another machine with this counter over TLS (docs/peers.md "Room screens and
// boards over TLS"): the code a desktop screen is started with once, and the
// certificate's fingerprint a room PC's browser is checked against.
import { useTranslation } from 'react-i18next';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterQuery } from '../hooks/use-counter-query';

export function ScreensPairing() {
  const { t } = useTranslation();
  const pairing = useCounterQuery('screens.pairing', {});
  return (
    <section className="peers-section" data-testid="screens-pairing">
      <h3>{t('peers.screens.title')}</h3>
      {pairing.error && <CallErrorMessage error={pairing.error} testId="screens-pairing-error" />}
      {pairing.data && (
        <>
          <p>
            {t('peers.screens.code')} <strong data-testid="screens-pairing-code">{pairing.data.pairingCode}</strong>
          </p>
          <p className="hint">
            {pairing.data.port === null
              ? t('peers.screens.notListening')
              : t('peers.screens.listening', { port: pairing.data.port })}
          </p>
          <p className="hint">
            {t('peers.screens.fingerprint')} <code data-testid="screens-fingerprint">{pairing.data.fingerprint}</code>
          </p>
        </>
      )}
    </section>
  );
}
