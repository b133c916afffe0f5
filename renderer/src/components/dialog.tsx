// The counter screen's dialogs (printer settings, HIMS settings and review,
// accounts, This counter, money, reports, and the door dialogs: emergency,
// newborn, photo, duplicates, MLC register) behave alike: each takes the
// cursor when it opens, Escape closes them, the counter's own
// shortcuts (Esc starting over, F2, department keys) stay out while the cursor
// is inside, and when one closes the cursor is back in the search box, ready
// for the next patient. Only the lock key passes: a clerk can always lock.
import { useEffect, useEffectEvent, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { LOCK_KEY } from '../auth/desk-context';

/** The counter screen's search box (components/patient-search.tsx). */
export const SEARCH_INPUT_ID = 'patient-search';

export function focusSearchBox(): void {
  document.getElementById(SEARCH_INPUT_ID)?.focus();
}

interface Props {
  onClose: () => void;
  /** id of the dialog's heading. */
  labelledBy: string;
  testId: string;
  className: string;
  /** A modal dialog sits on a backdrop over the whole screen; the others open in place. */
  modal?: boolean;
  children: ReactNode;
}

/** Open dialogs, newest last: Escape closes the newest only. */
const openDialogs: HTMLElement[] = [];

export function Dialog({ onClose, labelledBy, testId, className, modal = false, children }: Props) {
  const ref = useRef<HTMLElement>(null);
  const close = useEffectEvent(onClose);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    openDialogs.push(el);
    // Opened from a button: the cursor comes into the dialog.
    if (!el.contains(document.activeElement)) el.focus();
    // Escape closes it wherever the cursor is: a button that did its work and
    // went away leaves the cursor on the page, not in the dialog. Heard before
    // the counter's own Escape (start over), which then never hears it.
    const onEscape = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || openDialogs.at(-1) !== el || el.closest('[inert]')) return;
      e.preventDefault();
      e.stopPropagation();
      close();
    };
    window.addEventListener('keydown', onEscape, true);
    return () => {
      window.removeEventListener('keydown', onEscape, true);
      openDialogs.splice(openDialogs.indexOf(el), 1);
      // Closed, however (Escape, its Close button, the button that opened it): back to the search box.
      focusSearchBox();
    };
  }, []);

  // The counter's shortcuts (F2, department keys …) stay out while the cursor is in here.
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== LOCK_KEY) e.stopPropagation();
  }

  const dialog = (
    <section
      ref={ref}
      className={className}
      role="dialog"
      aria-modal={modal || undefined}
      aria-labelledby={labelledBy}
      data-testid={testId}
      tabIndex={-1}
      onKeyDown={modal ? undefined : onKeyDown}
    >
      {children}
    </section>
  );
  return modal ? (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      {dialog}
    </div>
  ) : (
    dialog
  );
}

/** A dialog's heading with its Close button beside it. */
export function DialogTitle(props: { id: string; title: string; closeLabel: string; closeTestId: string; onClose: () => void }) {
  return (
    <div className="panel-title-row">
      <h2 id={props.id}>{props.title}</h2>
      <button type="button" className="secondary small" data-testid={props.closeTestId} onClick={props.onClose}>
        {props.closeLabel}
      </button>
    </div>
  );
}
