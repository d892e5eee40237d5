'use client';

import type { ComponentProps, MouseEvent } from 'react';
import { buttonClasses, type ButtonSize, type ButtonVariant } from './button-styles';
import { Spinner } from './spinner';

export type ButtonProps = ComponentProps<'button'> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and ignores clicks, while keeping focus on the button. */
  loading?: boolean;
  /** Text shown instead of the children while loading, e.g. "Saving…". */
  loadingText?: string;
};

/**
 * A button. Defaults to type="button" so it never submits a form by accident; pass
 * type="submit" for the form's submit button (or use SubmitButton).
 */
export function Button({
  variant,
  size,
  loading = false,
  loadingText,
  className,
  type = 'button',
  onClick,
  children,
  ...props
}: ButtonProps) {
  // While loading we use aria-disabled rather than `disabled`: a disabled button drops
  // keyboard focus, which strands keyboard and screen-reader users mid-form.
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }

  return (
    <button
      {...props}
      type={type}
      className={buttonClasses({ variant, size, className })}
      aria-busy={loading || undefined}
      aria-disabled={loading || props['aria-disabled'] || undefined}
      onClick={handleClick}
    >
      {loading ? <Spinner size={size === 'lg' ? 'md' : 'sm'} /> : null}
      {loading && loadingText ? loadingText : children}
    </button>
  );
}
