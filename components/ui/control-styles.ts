import { cn } from './cn';

/**
 * Shared look of text-like controls (Input, Textarea, Select). `text-base` below `sm`
 * stops iOS Safari zooming into a focused field; aria-invalid (set by Field) turns the
 * outline red.
 */
export function controlClasses(className?: string): string {
  return cn(
    'block w-full min-w-0 rounded-control border border-border-input bg-surface px-3 text-base text-fg shadow-card sm:text-sm',
    'placeholder:text-fg-subtle',
    'transition-[border-color] duration-150 hover:border-fg-subtle',
    'focus-visible:border-focus focus-visible:outline-offset-[-1px]',
    'aria-[invalid=true]:border-danger-600 aria-[invalid=true]:focus-visible:outline-danger-600',
    'disabled:cursor-not-allowed disabled:bg-surface-muted disabled:text-fg-subtle disabled:hover:border-border-input',
    className,
  );
}
