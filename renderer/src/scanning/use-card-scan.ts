// The one scan path in the UI: keyboard-wedge bursts (window-wide), serial
// scans pushed by the core, the webcam and pasted text all call scan(text),
// which asks the core's cards.resolve. The caller decides what the answer
// means on its screen (show the patient, prefill the form, give a token).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, MethodInput } from '../../../preload/contract';
import type { ResolvedCard } from '../../../preload/contract/methods/card-schemas';
import { callCounter } from '../api/counter-client';
import { subscribeCoreEvents } from './core-events';
import { installPasteListener } from './paste-listener';
import { installWedgeListener } from './wedge-listener';

export type ScanSource = NonNullable<MethodInput<'cards.resolve'>['source']>;

export interface ScanOutcome {
  /** Increases with every scan, so a screen can tell two scans of the same card apart. */
  seq: number;
  text: string;
  source: ScanSource;
  result: ResolvedCard | null;
  error: CallError | null;
}

const NO_AFFIXES = { prefix: '', suffix: '' };

export function useCardScan(onOutcome: (outcome: ScanOutcome) => void, options: { wedge?: boolean } = {}) {
  const [last, setLast] = useState<ScanOutcome | null>(null);
  const [pending, setPending] = useState(false);
  const seq = useRef(0);
  // Listening starts at once with no prefix or suffix (how most scanners come),
  // and is set up again if the counter's settings name some: a scan in the
  // first moments after the page opens is never lost.
  const [affixes, setAffixes] = useState<{ prefix: string; suffix: string }>(NO_AFFIXES);
  // The screen's latest handler, read when an answer arrives (not when the scan began).
  const report = useRef(onOutcome);
  useEffect(() => {
    report.current = onOutcome;
  });

  const scan = useCallback(async (text: string, source: ScanSource) => {
    const mine = ++seq.current;
    setPending(true);
    const result = await callCounter('cards.resolve', { text, source });
    if (mine !== seq.current) return; // a newer scan won
    setPending(false);
    const outcome: ScanOutcome = {
      seq: mine,
      text,
      source,
      result: result.ok ? result.value : null,
      error: result.ok ? null : result.error,
    };
    setLast(outcome);
    report.current(outcome);
  }, []);

  useEffect(() => {
    let live = true;
    void callCounter('scanners.status', {}).then((r) => {
      if (!live || !r.ok) return;
      const { wedgePrefix: prefix, wedgeSuffix: suffix } = r.value.settings;
      if (prefix || suffix) setAffixes({ prefix, suffix });
    });
    return () => {
      live = false;
    };
  }, []);

  const wedge = options.wedge ?? true;
  useEffect(() => {
    if (!wedge) return;
    return installWedgeListener((text) => void scan(text, 'wedge'), affixes);
  }, [wedge, affixes, scan]);

  useEffect(() => installPasteListener((text) => void scan(text, 'typed')), [scan]);

  useEffect(
    () =>
      subscribeCoreEvents((event) => {
        if (event.name === 'scanner.scan') void scan(event.payload.text, 'serial');
      }),
    [scan],
  );

  const clear = useCallback(() => setLast(null), []);
  return { scan, last, pending, clear };
}
