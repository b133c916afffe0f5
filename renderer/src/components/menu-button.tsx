// A button that opens a menu, by the WAI-ARIA menu button pattern: one Tab
// stop; Enter, Space or ↓ opens it on its first item, ↑ on its last; ↑ ↓ Home
// End move, Enter or Space chooses, Tab leaves, and Escape closes it and gives
// the cursor back to the search box (as every dialog of the counter screen
// does). A click outside closes it. The header's Settings and each queue
// row's moves are such menus.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusSearchBox } from './dialog';

export interface MenuItem {
  label: ReactNode;
  testId: string;
  onChoose: () => void;
}

interface Props {
  /** What the button shows (▾ is added); its accessible name unless `ariaLabel` says more. */
  label: ReactNode;
  /** Its accessible name, when the label alone would not say which menu it is. */
  ariaLabel?: string;
  testId: string;
  className: string;
  buttonClassName: string;
  items: MenuItem[];
}

export function MenuButton({ label, ariaLabel, testId, className, buttonClassName, items }: Props) {
  // null: closed; otherwise the item that has the cursor.
  const [at, setAt] = useState<number | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const open = at !== null;

  useEffect(() => {
    if (at === null) return;
    menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[at]?.focus();
  }, [at]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !menuRef.current?.parentElement?.contains(e.target)) setAt(null);
    };
    window.addEventListener('mousedown', closeOutside);
    return () => window.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const last = items.length - 1;

  function onButtonKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setAt(e.key === 'ArrowDown' ? 0 : last);
    }
  }

  function onMenuKey(e: KeyboardEvent) {
    const moves: Record<string, () => number> = {
      ArrowDown: () => ((at ?? -1) + 1) % items.length,
      ArrowUp: () => ((at ?? 0) + last) % items.length,
      Home: () => 0,
      End: () => last,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setAt(move());
    } else if (e.key === 'Escape') {
      // Closed without a choice: back to the search box, not to the page.
      e.preventDefault();
      e.stopPropagation();
      setAt(null);
      focusSearchBox();
    } else if (e.key === 'Tab') {
      setAt(null);
    }
    // The counter's own keys (department keys, Enter to issue) stay out of an open menu.
    e.stopPropagation();
  }

  function choose(item: MenuItem) {
    setAt(null);
    // The cursor back on the button, unless what was chosen takes it somewhere (a reason to type).
    buttonRef.current?.focus();
    item.onChoose();
  }

  return (
    <div className={className}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        data-testid={testId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={ariaLabel}
        onClick={() => setAt(open ? null : 0)}
        onKeyDown={onButtonKey}
      >
        {label}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <ul className="menu-list" role="menu" ref={menuRef} aria-label={ariaLabel} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <li key={item.testId} role="none">
              <button type="button" role="menuitem" tabIndex={-1} data-testid={item.testId} onClick={() => choose(item)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
