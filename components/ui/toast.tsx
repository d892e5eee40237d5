'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';
import { CheckCircleIcon, ErrorIcon, InfoIcon, XIcon } from './icons';

export type ToastTone = 'success' | 'error' | 'info';

export type ToastOptions = {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it hides itself; Infinity keeps it until dismissed. */
  durationMs?: number;
};

export type ToastApi = {
  /** Shows a toast and returns its id. */
  toast: (options: ToastOptions) => string;
  success: (title: string, description?: string) => string;
  error: (title: string, description?: string) => string;
  dismiss: (id: string) => void;
};

type ToastRecord = Required<Pick<ToastOptions, 'title' | 'tone' | 'durationMs'>> & {
  id: string;
  description?: string;
};

// Errors stay longer: they usually need reading, not just noticing.
const DEFAULT_DURATION_MS: Record<ToastTone, number> = { success: 5000, info: 5000, error: 8000 };
const MAX_VISIBLE_TOASTS = 4;

const ToastContext = createContext<ToastApi | null>(null);

/** Shows transient notifications for any descendant that calls useToast(). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastRecord[]>([]);
  const [paused, setPaused] = useState(false);
  const nextId = useRef(0);

  // A toast removed while hovered or focused fires no leave/blur event, which would leave
  // every later toast paused for good; with nothing on screen there is nothing to pause.
  if (paused && toasts.length === 0) setPaused(false);

  const dismiss = useCallback((id: string) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    nextId.current += 1;
    const tone = options.tone ?? 'info';
    const record: ToastRecord = {
      id: `toast-${nextId.current}`,
      title: options.title,
      description: options.description,
      tone,
      durationMs: options.durationMs ?? DEFAULT_DURATION_MS[tone],
    };
    setToasts((current) => [...current, record].slice(-MAX_VISIBLE_TOASTS));
    return record.id;
  }, []);

  const api = useMemo<ToastApi>(
    () => ({
      toast,
      dismiss,
      success: (title, description) => toast({ title, description, tone: 'success' }),
      error: (title, description) => toast({ title, description, tone: 'error' }),
    }),
    [toast, dismiss],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* The live region is always in the DOM so screen readers register it before
          the first toast arrives; otherwise that first message is often not announced. */}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 sm:justify-end"
        // Hovering or focusing any toast holds every timer, so nothing vanishes mid-read.
        onPointerEnter={() => setPaused(true)}
        onPointerLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setPaused(false);
        }}
      >
        <ol aria-live="polite" className="flex w-full max-w-sm flex-col gap-2">
          {toasts.map((record) => (
            <ToastItem key={record.id} toast={record} paused={paused} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

const toneStyles: Record<ToastTone, { icon: string; Icon: typeof InfoIcon }> = {
  success: { icon: 'text-success-600', Icon: CheckCircleIcon },
  error: { icon: 'text-danger-600', Icon: ErrorIcon },
  info: { icon: 'text-info-600', Icon: InfoIcon },
};

function ToastItem({
  toast,
  paused,
  onDismiss,
}: {
  toast: ToastRecord;
  paused: boolean;
  onDismiss: (id: string) => void;
}) {
  const remainingMs = useRef(toast.durationMs);

  // Count down only while not paused; pausing banks the time still left.
  useEffect(() => {
    if (paused || !Number.isFinite(remainingMs.current)) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => onDismiss(toast.id), remainingMs.current);
    return () => {
      window.clearTimeout(timer);
      remainingMs.current -= Date.now() - startedAt;
    };
  }, [paused, toast.id, onDismiss]);

  const { icon, Icon } = toneStyles[toast.tone];
  return (
    <li className="pointer-events-auto flex animate-toast-in items-start gap-3 rounded-card border border-border bg-surface p-3.5 pr-2.5 text-sm shadow-overlay">
      <Icon className={cn('mt-px size-5 shrink-0', icon)} />
      <div className="grid min-w-0 flex-1 gap-0.5">
        {/* The tone is spoken too, since the icon colour alone is not. */}
        <p className="font-medium text-fg">
          {toast.tone === 'error' ? <span className="sr-only">Error: </span> : null}
          {toast.title}
        </p>
        {toast.description ? <p className="text-fg-muted">{toast.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label="Dismiss notification"
        className="-my-1 inline-flex size-7 shrink-0 items-center justify-center rounded-control text-fg-muted hover:bg-surface-sunken hover:text-fg"
      >
        <XIcon />
      </button>
    </li>
  );
}

/** Access the toast API; must be used below <ToastProvider> (the root layout has one). */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() must be used inside <ToastProvider> (see app/layout.tsx).');
  return api;
}
