// How this board speaks, set on the board itself (kept in its localStorage):
// which languages and in which order, how many times, how loud, the chime,
// and whether to use the machine's own voice where it has one. "Test" says
// a sample call with the settings as they are in the form.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyHandler } from '../hooks/use-key-handler';
import { currentLanguage } from '../i18n';
import type { SpeechSettings } from './speech/announcer';
import type { SpeechLanguage } from './speech/words';

interface Props {
  settings: SpeechSettings;
  onSave: (settings: SpeechSettings) => void;
  onTest: () => void;
  onClose: () => void;
}

const ORDERS: Record<
  string,
  { languages: SpeechLanguage[]; label: `board.settings.order.${'hi-en' | 'en-hi' | 'hi' | 'en' | 'none'}` }
> = {
  'hi,en': { languages: ['hi', 'en'], label: 'board.settings.order.hi-en' },
  'en,hi': { languages: ['en', 'hi'], label: 'board.settings.order.en-hi' },
  hi: { languages: ['hi'], label: 'board.settings.order.hi' },
  en: { languages: ['en'], label: 'board.settings.order.en' },
  '': { languages: [], label: 'board.settings.order.none' },
};

export function BoardSettingsDialog({ settings, onSave, onTest, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(settings);
  const language = currentLanguage(i18n.language);
  useKeyHandler((e) => {
    if (e.key === 'Escape') onClose();
  });
  const set = (changes: Partial<SpeechSettings>) => {
    const next = { ...form, ...changes };
    setForm(next);
    onSave(next); // applied at once: the next announcement already follows it
  };

  return (
    <div
      className="board-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="board-settings-title"
      data-testid="board-settings"
    >
      <h2 id="board-settings-title">{t('board.settings.title')}</h2>
      <label>
        <span>{t('board.settings.languages')}</span>
        <select
          data-testid="board-settings-languages"
          value={form.languages.join(',')}
          autoFocus
          onChange={(e) => set({ languages: ORDERS[e.target.value]?.languages ?? [] })}
        >
          {Object.entries(ORDERS).map(([key, order]) => (
            <option key={key} value={key}>
              {t(order.label)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('board.settings.repeat')}</span>
        <select data-testid="board-settings-repeat" value={form.repeat} onChange={(e) => set({ repeat: Number(e.target.value) })}>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {t('board.settings.times', { count: n })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>
          {t('board.settings.volume')} {Math.round(form.volume * 100)}%
        </span>
        <input
          type="range"
          min={0}
          max={100}
          step={10}
          data-testid="board-settings-volume"
          value={Math.round(form.volume * 100)}
          onChange={(e) => set({ volume: Number(e.target.value) / 100 })}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="board-settings-chime"
          checked={form.chime}
          onChange={(e) => set({ chime: e.target.checked })}
        />
        {t('board.settings.chime')}
      </label>
      <label>
        <span>{t('board.settings.voice')}</span>
        <select
          data-testid="board-settings-voice"
          value={form.voice}
          onChange={(e) => set({ voice: e.target.value === 'clips' ? 'clips' : 'auto' })}
        >
          <option value="auto">{t('board.settings.voiceAuto')}</option>
          <option value="clips">{t('board.settings.voiceClips')}</option>
        </select>
      </label>
      <div className="board-dialog-buttons">
        <button type="button" data-testid="board-settings-test" onClick={onTest}>
          {t('board.settings.test')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="board-lang-switch"
          onClick={() => void i18n.changeLanguage(language === 'en' ? 'hi' : 'en')}
        >
          {t('lang.switch')}
        </button>
        <button type="button" className="primary" data-testid="board-settings-close" onClick={onClose}>
          {t('board.settings.close')}
        </button>
      </div>
    </div>
  );
}
