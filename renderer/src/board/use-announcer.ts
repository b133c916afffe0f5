// The board's announcer (speech/announcer.ts) with the real players: the
// bundled clips through Web Audio, the machine's voice through Web Speech.
// Its state is rendered (and read by the end-to-end tests from the page).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Announcer, type AnnouncerState, type Call, type SpeechSettings } from './speech/announcer';
import { ClipPlayer } from './speech/clip-player';
import { VoicePlayer } from './speech/voice-player';

export function useAnnouncer(settings: SpeechSettings) {
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const [state, setState] = useState<AnnouncerState>({ queue: [], log: [], dropped: 0 });
  const [audio, setAudio] = useState<AudioContextState | 'closed'>('suspended');
  const announcer = useRef<Announcer | null>(null);

  useEffect(() => {
    const clips = new ClipPlayer();
    const own = new Announcer({ clips, voice: new VoicePlayer() }, () => settingsRef.current, setState);
    announcer.current = own;
    // Browsers may hold sound back until the page is touched (autoplay rules): a board
    // kiosk runs Chromium with --autoplay-policy=no-user-gesture-required; otherwise
    // the first touch, click or key turns it on.
    const unlock = () => void clips.resume().then(setAudio);
    unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
      own.stop();
      clips.close();
      if (announcer.current === own) announcer.current = null;
    };
  }, []);

  const announce = useCallback((call: Call) => announcer.current?.announce(call) ?? false, []);
  return { announce, state, audio };
}
