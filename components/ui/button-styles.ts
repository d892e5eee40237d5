import { cn } from './cn';

/*
 * Shared by Button (a client component) and ButtonLink (server-safe), so the class logic
 * lives in a plain module both can import.
 */
export const buttonVariants = {
  primary:
    'bg-brand-600 text-white shadow-card hover:bg-brand-700 active:bg-brand-800',
  secondary:
    'border border-border-strong bg-surface text-fg shadow-card hover:bg-surface-muted active:bg-surface-sunken',
  ghost: 'text-fg-muted hover:bg-surface-sunken hover:text-fg active:bg-border',
  danger: 'bg-danger-600 text-white shadow-card hover:bg-danger-700 active:bg-danger-700',
} as const;

export const buttonSizes = {
  sm: 'h-8 gap-1.5 px-3 text-sm',
  md: 'h-9 gap-2 px-4 text-sm',
  lg: 'h-11 gap-2 px-5 text-base',
  /** Square, for icon-only buttons (give them an aria-label). */
  icon: 'size-9',
} as const;

export type ButtonVariant = keyof typeof buttonVariants;
export type ButtonSize = keyof typeof buttonSizes;

export function buttonClasses({
  variant = 'primary',
  size = 'md',
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}): string {
  return cn(
    'inline-flex shrink-0 items-center justify-center rounded-control font-medium whitespace-nowrap select-none',
    'transition-colors duration-150',
    // A busy button is aria-disabled too, but keeps full colour: it is working, not unavailable.
    'disabled:pointer-events-none disabled:opacity-50 aria-busy:cursor-wait',
    '[&[aria-disabled=true]:not([aria-busy=true])]:opacity-60',
    buttonVariants[variant],
    buttonSizes[size],
    className,
  );
}
