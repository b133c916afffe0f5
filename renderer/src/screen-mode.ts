// Which face of the renderer this window shows (docs/design.md §9): the
// counter, the entrance kiosk (?mode=kiosk), a doctor's room screen
// (?mode=room) or a hall board (?mode=board). The Electron shell opens the
// same page with the mode of its --kiosk, --room or --board switch.
export type ScreenMode = 'counter' | 'kiosk' | 'room' | 'board';

export function screenMode(search = typeof window === 'undefined' ? '' : window.location.search): ScreenMode {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'kiosk' || mode === 'room' || mode === 'board' ? mode : 'counter';
}
