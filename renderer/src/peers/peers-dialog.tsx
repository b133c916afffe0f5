// The supervisor's Counters dialog (docs/peers.md): the hospital network key,
// this counter's own address and key pin, and the paired counters with how
// each last answered. A counter is added by its address (or picked from those
// announcing themselves on the network) and paired with the key.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, MethodOutput } from '../../../preload/contract';
import type { PeerView } from '../../../preload/contract/methods/peers-methods';
import { useMayCall } from '../auth/use-may-call';
import { CallErrorMessage } from '../components/call-error-message';
import { Dialog, DialogTitle } from '../components/dialog';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { timeText } from '../lib/dates';
import { ScreensPairing } from './screens-pairing';
import './peers.css';

type Discovered = MethodOutput<'peers.discover'>[number];

export function PeersDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  const status = useCounterQuery('peers.status', {}, tick);
  const timeZone = useCounterQuery('counter.info', {}).data?.timeZone;
  const reload = () => setTick((n) => n + 1);
  return (
    <Dialog className="peers-dialog" labelledBy="peers-title" testId="peers" modal onClose={onClose}>
      <DialogTitle
        id="peers-title"
        title={t('peers.title')}
        closeLabel={t('peers.close')}
        closeTestId="peers-close"
        onClose={onClose}
      />
      <p className="hint">{t('peers.intro')}</p>
      {status.error && <CallErrorMessage error={status.error} testId="peers-error" />}
      {status.data && (
        <>
          <NetworkKey status={status.data} onChanged={reload} />
          {status.data.networkKeySet && <AddPeer onAdded={reload} />}
          <PeerList peers={status.data.peers} onChanged={reload} timeZone={timeZone} />
          <ScreensPairing />
        </>
      )}
    </Dialog>
  );
}

function NetworkKey({ status, onChanged }: { status: MethodOutput<'peers.status'>; onChanged: () => void }) {
  const { t } = useTranslation();
  const mayChange = useMayCall('peers.setNetworkKey');
  const [typed, setTyped] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const set = useCounterMutation('peers.setNetworkKey');

  async function save(input: { key: string } | { generate: true }) {
    const result = await set.run(input);
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setMade(result.value.generatedKey);
      setTyped('');
      onChanged();
    }
  }

  return (
    <section className="peers-section" data-testid="network-key">
      <h3>{t('peers.key.title')}</h3>
      {status.networkKeySet ? (
        <p data-testid="network-key-check">{t('peers.key.set', { check: status.keyCheck })}</p>
      ) : (
        <p className="warn-text">{t('peers.key.notSet')}</p>
      )}
      {made && (
        <p className="made-key" role="status" data-testid="network-key-made">
          {t('peers.key.made')} <strong lang="en">{made}</strong>
        </p>
      )}
      {status.listening && (
        <p className="hint" data-testid="peer-listening">
          {t('peers.key.listening', { port: status.listening.port, pin: status.ownKeyPin?.slice(0, 16) ?? '' })}
        </p>
      )}
      {mayChange && (
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void save({ key: typed });
          }}
        >
          <label>
            {t('peers.key.type')}
            <input
              data-testid="network-key-input"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              lang="en"
            />
          </label>
          <button
            type="submit"
            className="primary small"
            data-testid="network-key-save"
            disabled={set.pending || typed.trim() === ''}
          >
            {t('peers.key.save')}
          </button>
          {!status.networkKeySet && (
            <button
              type="button"
              className="secondary small"
              data-testid="network-key-generate"
              onClick={() => void save({ generate: true })}
            >
              {t('peers.key.generate')}
            </button>
          )}
        </form>
      )}
      {error && <CallErrorMessage error={error} testId="network-key-error" />}
    </section>
  );
}

function AddPeer({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const mayAdd = useMayCall('peers.add');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [found, setFound] = useState<Discovered[] | null>(null);
  const add = useCounterMutation('peers.add');
  const discover = useCounterMutation('peers.discover');
  if (!mayAdd) return null;

  async function pair(to: string) {
    const result = await add.run({ address: to });
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setAddress('');
      onAdded();
    }
  }

  return (
    <section className="peers-section" data-testid="peer-add">
      <h3>{t('peers.add.title')}</h3>
      <form
        className="inline-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void pair(address.trim());
        }}
      >
        <label>
          {t('peers.add.address')}
          <input
            data-testid="peer-address"
            value={address}
            placeholder="192.168.1.12:5171"
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            lang="en"
          />
        </label>
        <button
          type="submit"
          className="primary small"
          data-testid="peer-add-submit"
          disabled={add.pending || address.trim() === ''}
        >
          {add.pending ? t('peers.add.pairing') : t('peers.add.submit')}
        </button>
        <button
          type="button"
          className="secondary small"
          data-testid="peer-discover"
          disabled={discover.pending}
          onClick={() => void discover.run({ waitMs: 2000 }).then((r) => r?.ok && setFound(r.value))}
        >
          {discover.pending ? t('peers.add.looking') : t('peers.add.discover')}
        </button>
      </form>
      {error && <CallErrorMessage error={error} title={t('peers.add.failed')} testId="peer-add-error" />}
      {found && found.length === 0 && <p className="hint">{t('peers.add.noneFound')}</p>}
      {found && found.length > 0 && (
        <ul className="discovered">
          {found.map((d) => (
            <li key={d.counterId}>
              {t('peers.counter', { letter: d.counterLetter })} · {d.address}{' '}
              {d.paired ? (
                <span className="chip">{t('peers.add.alreadyPaired')}</span>
              ) : (
                <button type="button" className="small" onClick={() => void pair(d.address)}>
                  {t('peers.add.submit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PeerList({ peers, onChanged, timeZone }: { peers: PeerView[]; onChanged: () => void; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const mayRemove = useMayCall('peers.remove');
  const remove = useCounterMutation('peers.remove');
  const check = useCounterMutation('peers.check');
  const at = (iso: string | null) => (iso ? timeText(iso, timeZone) : '—');
  return (
    <section className="peers-section" data-testid="peer-list">
      <h3>{t('peers.list.title')}</h3>
      {peers.length === 0 ? (
        <p className="hint">{t('peers.list.none')}</p>
      ) : (
        <table className="peer-table">
          <thead>
            <tr>
              <th>{t('peers.list.counter')}</th>
              <th>{t('peers.list.address')}</th>
              <th>{t('peers.list.state')}</th>
              <th>{t('peers.list.lastSeen')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {peers.map((p) => (
              <tr key={p.counterId} data-testid="peer-row" data-letter={p.counterLetter} data-state={p.state}>
                <td>{t('peers.counter', { letter: p.counterLetter })}</td>
                <td lang="en">{p.address}</td>
                <td>
                  <span className={`peer-state ${p.state}`}>{t(`peers.state.${p.state}`)}</span>
                  {p.problem && <span className="hint"> · {t(`peers.problem.${p.problem}`)}</span>}
                  {p.clockOffsetSeconds !== null && Math.abs(p.clockOffsetSeconds) > 120 && (
                    <span className="warn-text">
                      {' '}
                      · {t('peers.list.clockOff', { minutes: Math.round(p.clockOffsetSeconds / 60) })}
                    </span>
                  )}
                </td>
                <td>{at(p.lastSeenAt)}</td>
                <td>
                  {mayRemove && (
                    <button
                      type="button"
                      className="secondary small"
                      data-testid="peer-remove"
                      onClick={() => void remove.run({ counterId: p.counterId }).then(onChanged)}
                    >
                      {t('peers.list.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {peers.length > 0 && (
        <button
          type="button"
          className="secondary small"
          data-testid="peers-check"
          disabled={check.pending}
          onClick={() => void check.run({}).then(onChanged)}
        >
          {t('peers.list.check')}
        </button>
      )}
    </section>
  );
}
