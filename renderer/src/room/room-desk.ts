// Which department and room this room screen calls for: chosen once at the
// desk and kept in the machine's localStorage (the doctor signs in each day;
// the room stays where it is).
export interface RoomDesk {
  departmentCode: string;
  room: string;
}

const KEY = 'hims-counter.room-desk';

export function loadRoomDesk(): RoomDesk | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as unknown;
    if (typeof value === 'object' && value !== null && 'departmentCode' in value && 'room' in value) {
      const { departmentCode, room } = value as Record<string, unknown>;
      if (typeof departmentCode === 'string' && typeof room === 'string') return { departmentCode, room };
    }
  } catch {
    // Unreadable or blocked: ask again.
  }
  return null;
}

export function saveRoomDesk(desk: RoomDesk | null): void {
  try {
    if (desk) window.localStorage.setItem(KEY, JSON.stringify(desk));
    else window.localStorage.removeItem(KEY);
  } catch {
    // Not remembered: asked again after a reload.
  }
}
