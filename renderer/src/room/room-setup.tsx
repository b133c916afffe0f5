// Once per desk: which department and which of its rooms this screen calls
// for. Keyboard: the department list has the cursor, Tab to the room, Enter.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../preload/contract';
import type { Language } from '../i18n';
import { departmentName } from '../lib/format';
import type { RoomDesk } from './room-desk';

interface Props {
  departments: Department[];
  language: Language;
  initial: RoomDesk | null;
  onChoose: (desk: RoomDesk) => void;
}

export function RoomSetup({ departments, language, initial, onChoose }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initial?.departmentCode ?? departments[0]?.code ?? '');
  const department = departments.find((d) => d.code === code);
  const [room, setRoom] = useState(initial?.room ?? '');
  const rooms = department?.rooms ?? [];
  const chosenRoom = rooms.includes(room) ? room : (rooms[0] ?? '');

  return (
    <form
      className="room-setup"
      data-testid="room-setup"
      onSubmit={(e) => {
        e.preventDefault();
        if (code && chosenRoom) onChoose({ departmentCode: code, room: chosenRoom });
      }}
    >
      <h1>{t('room.setup.title')}</h1>
      <p className="hint">{t('room.setup.intro')}</p>
      <label>
        <span>{t('room.setup.department')}</span>
        <select data-testid="room-setup-department" value={code} autoFocus onChange={(e) => setCode(e.target.value)}>
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {departmentName(d, d.code, language)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('room.setup.room')}</span>
        <select data-testid="room-setup-room" value={chosenRoom} onChange={(e) => setRoom(e.target.value)}>
          {rooms.map((r) => (
            <option key={r} value={r}>
              {t('room.roomName', { room: r })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary big" data-testid="room-setup-start" disabled={!code || !chosenRoom}>
        {t('room.setup.start')}
      </button>
    </form>
  );
}
