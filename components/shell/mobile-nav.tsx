'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MenuIcon, XIcon } from '@/components/ui/icons';

/**
 * Below the `lg` breakpoint the sidebar moves into a drawer: a native modal <dialog>, so
 * focus is contained and Esc closes it without extra code. Following a link closes it.
 */
export function MobileNav({ children }: { children: ReactNode }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A navigation that did not come from a click inside (e.g. browser back) also closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not a value the effect reads
  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label="Open navigation"
        aria-expanded={open}
        className="-ml-1.5 inline-flex size-9 items-center justify-center rounded-control text-fg-muted hover:bg-surface-sunken hover:text-fg lg:hidden"
      >
        <MenuIcon className="size-5" />
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes it; the keyboard has Escape, native to <dialog> */}
      <dialog
        ref={dialogRef}
        aria-label="Navigation"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          const target = event.target as Element;
          // Backdrop press (the dialog box itself) or any followed link closes the drawer.
          if (target === event.currentTarget || target.closest('a[href]')) setOpen(false);
        }}
        className="m-0 h-dvh max-h-dvh w-80 max-w-[85vw] border-r border-border bg-surface-muted p-0 text-fg shadow-overlay open:animate-drawer-in lg:hidden"
      >
        {open ? (
          <div className="flex h-full flex-col">
            <div className="flex h-14 shrink-0 items-center justify-between border-b border-border px-4">
              <span className="text-sm font-semibold">Navigation</span>
              <button
                type="button"
                onClick={() => setOpen(false)}
                aria-label="Close navigation"
                className="inline-flex size-9 items-center justify-center rounded-control text-fg-muted hover:bg-surface-sunken hover:text-fg"
              >
                <XIcon className="size-5" />
              </button>
            </div>
            <div className="grid flex-1 content-start gap-6 overflow-y-auto p-3">{children}</div>
          </div>
        ) : null}
      </dialog>
    </>
  );
}
