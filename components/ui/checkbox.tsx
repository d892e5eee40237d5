import { useId, type ComponentProps, type ReactNode } from 'react';
import { cn } from './cn';
import { CheckIcon } from './icons';

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type' | 'children'> & {
  label: ReactNode;
  /** Secondary line under the label, linked with aria-describedby. */
  hint?: ReactNode;
};

/** A native checkbox with its label beside it (clicking the label toggles it). */
export function Checkbox({ label, hint, id, className, ...props }: CheckboxProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const describedBy = cn(props['aria-describedby'], hintId) || undefined;

  return (
    <div className={cn('flex items-start gap-2.5', className)}>
      <span className="relative mt-0.5 flex size-4 shrink-0">
        <input
          {...props}
          id={inputId}
          type="checkbox"
          aria-describedby={describedBy}
          className={cn(
            'peer size-4 appearance-none rounded-[0.3rem] border border-border-input bg-surface shadow-card transition-colors',
            'checked:border-brand-600 checked:bg-brand-600 hover:border-fg-subtle checked:hover:bg-brand-700',
            'aria-[invalid=true]:border-danger-600',
            'disabled:cursor-not-allowed disabled:opacity-50',
          )}
        />
        <CheckIcon
          strokeWidth={3}
          className="pointer-events-none absolute inset-0 hidden size-4 p-0.5 text-white peer-checked:block"
        />
      </span>
      <span className="grid gap-0.5">
        <label htmlFor={inputId} className="text-sm font-medium text-fg">
          {label}
        </label>
        {hint ? (
          <span id={hintId} className="text-sm text-fg-muted">
            {hint}
          </span>
        ) : null}
      </span>
    </div>
  );
}
