// Everything on the hall board fits the screen it is on (a 1920×1080 TV, a
// 1366×768 or 1280×720 monitor): measured after each render and resize, in
// this order, until nothing is cut off —
//   1. each call stays one line: a line wider than its department has its
//      type made smaller, never wrapped (a room on a line of its own once sent
//      a patient to the room of the call above it);
//   2. "Called before" gives up its oldest calls, then its heading;
//   3. if the calls now alone are still too tall (many rooms calling at once),
//      the older ones get smaller; then, only if that is not enough (many
//      departments on a small screen), all of them.
// The sizes to start from are the style sheet's (board.css, in vh).

/** Content taller or wider than the box, by more than rounding. */
const overflowsY = (el: HTMLElement) => el.scrollHeight > el.clientHeight + 1;
const overflowsX = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1;

function fontPx(el: HTMLElement): number {
  return parseFloat(getComputedStyle(el).fontSize);
}

/** Shrinks the line's type until it fits its width. */
function fitLine(line: HTMLElement): void {
  line.style.fontSize = '';
  for (let i = 0; i < 4 && overflowsX(line); i++) {
    line.style.fontSize = `${Math.floor((fontPx(line) * line.clientWidth) / line.scrollWidth)}px`;
  }
}

function fitDepartment(department: HTMLElement): void {
  const calls = [...department.querySelectorAll<HTMLElement>('.board-call')];
  const history = department.querySelector<HTMLElement>('.board-history');
  const recent = [...department.querySelectorAll<HTMLElement>('.board-recent > li')];
  for (const call of calls) fitLine(call);
  for (const li of recent) li.hidden = false;
  if (history) history.hidden = false;
  for (let i = recent.length - 1; i >= 0 && overflowsY(department); i--) recent[i]!.hidden = true;
  if (history && recent.every((li) => li.hidden)) history.hidden = true;
  const shrink = (lines: HTMLElement[]) => {
    for (let round = 0; round < 12 && overflowsY(department) && lines.length > 0; round++) {
      for (const line of lines) line.style.fontSize = `${Math.floor(fontPx(line) * 0.9)}px`;
    }
  };
  shrink(calls.slice(1));
  shrink(calls);
}

export function fitBoard(main: HTMLElement): void {
  for (const department of main.querySelectorAll<HTMLElement>('.board-department')) fitDepartment(department);
}
