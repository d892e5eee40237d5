'use client';

import Link from 'next/link';
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { cn } from './cn';

/*
 * A disclosure dropdown: a button that shows a panel of links and buttons. It follows the
 * disclosure pattern rather than ARIA role="menu" because its items are mostly navigation,
 * which screen readers handle better as plain links. Keyboard: Enter/Space/ArrowDown open,
 * arrows/Home/End move between items, Esc closes and returns focus to the button, Tab
 * leaving the panel closes it.
 */

const ITEM_SELECTOR = '[data-dropdown-item]:not([aria-disabled="true"]):not(:disabled)';

const DropdownContext = createContext<{ close: () => void } | null>(null);

export type DropdownProps = {
  /** Contents of the trigger button. */
  trigger: ReactNode;
  /** Accessible name for the trigger when its contents are not descriptive text. */
  triggerLabel?: string;
  triggerClassName?: string;
  /** Which edge of the trigger the panel lines up with. */
  align?: 'start' | 'end';
  panelClassName?: string;
  className?: string;
  children: ReactNode;
};

export function Dropdown({
  trigger,
  triggerLabel,
  triggerClassName,
  align = 'start',
  panelClassName,
  className,
  children,
}: DropdownProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const focusFirstOnOpen = useRef(false);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    if (focusFirstOnOpen.current) {
      focusFirstOnOpen.current = false;
      panelRef.current?.querySelector<HTMLElement>(ITEM_SELECTOR)?.focus();
    }
    // Any press outside closes, like a native select's popup.
    function handlePointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    document.addEventListener('pointerdown', handlePointerDown);
    return () => document.removeEventListener('pointerdown', handlePointerDown);
  }, [open]);

  function close({ restoreFocus }: { restoreFocus: boolean }) {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  }

  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    const items = Array.from(panelRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []);
    if (items.length === 0) return;
    const index = items.indexOf(document.activeElement as HTMLElement);
    const target =
      event.key === 'ArrowDown' ? items[(index + 1) % items.length]
      : event.key === 'ArrowUp' ? items[(index - 1 + items.length) % items.length]
      : event.key === 'Home' ? items[0]
      : event.key === 'End' ? items[items.length - 1]
      : undefined;
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }

  return (
    <DropdownContext.Provider value={{ close: () => close({ restoreFocus: false }) }}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus-out are caught here for the button and panel inside, which carry the roles */}
      <div
        ref={rootRef}
        className={cn('relative', className)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            close({ restoreFocus: true });
          }
        }}
        onBlur={(event) => {
          if (open && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
        }}
      >
        <button
          ref={triggerRef}
          type="button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          aria-label={triggerLabel}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              if (open) panelRef.current?.querySelector<HTMLElement>(ITEM_SELECTOR)?.focus();
              else {
                focusFirstOnOpen.current = true;
                setOpen(true);
              }
            }
          }}
          className={cn(
            'inline-flex items-center gap-2 rounded-control text-sm font-medium text-fg hover:bg-surface-sunken aria-expanded:bg-surface-sunken',
            triggerClassName,
          )}
        >
          {trigger}
        </button>
        {open ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: the panel only keeps focus inside; its items are the interactive elements
          <div
            ref={panelRef}
            id={panelId}
            // Focusable so a click on a label or gap inside keeps focus within the dropdown.
            tabIndex={-1}
            onKeyDown={moveFocus}
            className={cn(
              'absolute focus:outline-none top-full z-40 mt-1.5 grid max-h-[min(24rem,calc(100dvh-5rem))] min-w-56 overflow-y-auto rounded-card border border-border bg-surface p-1 shadow-overlay',
              align === 'end' ? 'right-0' : 'left-0',
              panelClassName,
            )}
          >
            {children}
          </div>
        ) : null}
      </div>
    </DropdownContext.Provider>
  );
}

const itemClasses =
  'flex w-full items-center gap-2 rounded-md px-2.5 py-2 text-left text-sm text-fg hover:bg-surface-sunken focus-visible:bg-surface-sunken focus-visible:outline-offset-[-2px] aria-disabled:opacity-50';

function useCloseDropdown() {
  return useContext(DropdownContext)?.close;
}

/** A navigation item; closes the dropdown when followed. */
export function DropdownLink({ className, onClick, ...props }: ComponentProps<typeof Link>) {
  const close = useCloseDropdown();
  return (
    <Link
      data-dropdown-item=""
      className={cn(itemClasses, className)}
      onClick={(event) => {
        onClick?.(event);
        close?.();
      }}
      {...props}
    />
  );
}

/** An action item. It does not close the dropdown by itself, so it can show progress. */
export function DropdownButton({ className, type = 'button', ...props }: ComponentProps<'button'>) {
  return <button data-dropdown-item="" type={type} className={cn(itemClasses, className)} {...props} />;
}

export function DropdownSeparator({ className }: { className?: string }) {
  return <hr className={cn('-mx-1 my-1 border-border', className)} />;
}

/** A non-interactive heading or caption inside the panel. */
export function DropdownLabel({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('px-2.5 pt-2 pb-1 text-xs font-medium text-fg-subtle', className)} {...props} />;
}
