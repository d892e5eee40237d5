'use client';

import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { cn } from './cn';
import { XIcon } from './icons';

const dialogSizes = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Names the dialog (aria-labelledby). */
  title: ReactNode;
  /** Short explanation under the title (aria-describedby). */
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, right-aligned; put the safe choice first so it takes initial focus. */
  footer?: ReactNode;
  size?: keyof typeof dialogSizes;
  /** Whether a click on the backdrop closes the dialog. Esc always closes it. */
  closeOnBackdropClick?: boolean;
  className?: string;
};

/**
 * A modal built on the native <dialog> + showModal(), which gives us the top layer, an inert
 * page behind it, Esc-to-close and focus containment from the browser itself.
 *
 * Content mounts only while open, so forms inside start fresh each time. The first focusable
 * element gets focus on open (mark another with `data-autofocus`); focus returns to the
 * element that opened it on close.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = 'md',
  closeOnBackdropClick = true,
  className,
}: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  // Layout effect: open/close in the same frame as the content mounts/unmounts, so an empty
  // dialog box never flashes.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Pages may unmount an open dialog (`{open && <Dialog …/>}`); the browser then drops focus
  // to <body>, so hand it back to the opener. `isConnected` tells a real unmount apart from
  // React's development-only double effect run, which leaves the node in place.
  useEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      if (dialog && !dialog.isConnected && openerRef.current?.isConnected) openerRef.current.focus();
    };
  }, []);

  function handleClose() {
    // Fires for Esc, for dialog.close() and for <form method="dialog"> submissions alike.
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener?.isConnected) opener.focus();
    if (open) onOpenChange(false);
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes it; the keyboard has Escape, native to <dialog>
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={handleClose}
      // Only a press that both starts and ends on the backdrop closes: dragging a text
      // selection out of an input must not dismiss the form.
      onPointerDown={(event) => {
        pressStartedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (closeOnBackdropClick && pressStartedOnBackdrop.current && event.target === event.currentTarget) {
          onOpenChange(false);
        }
      }}
      className={cn(
        'm-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] overflow-hidden rounded-card border border-border bg-surface p-0 text-fg shadow-overlay',
        'open:animate-dialog-in',
        dialogSizes[size],
        className,
      )}
    >
      {open ? (
        <div className="relative flex max-h-[calc(100dvh-2rem)] flex-col">
          <div className="grid gap-1 px-6 pt-5 pr-14 pb-2">
            <h2 id={titleId} className="text-base font-semibold text-fg">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="text-sm text-fg-muted">
                {description}
              </p>
            ) : null}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-6 pt-2 pb-5 text-sm">{children}</div>
          {footer ? (
            <div className="flex flex-wrap justify-end gap-2 border-t border-border bg-surface-muted px-6 py-3">
              {footer}
            </div>
          ) : null}
          {/* Last in DOM order so initial focus lands on the content, first visually. */}
          <button
            type="button"
            onClick={() => onOpenChange(false)}
            aria-label="Close dialog"
            className="absolute top-3.5 right-3.5 inline-flex size-8 items-center justify-center rounded-control text-fg-muted hover:bg-surface-sunken hover:text-fg"
          >
            <XIcon />
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
