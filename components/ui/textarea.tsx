import type { ComponentProps } from 'react';
import { controlClasses } from './control-styles';
import { cn } from './cn';

/** A styled native <textarea> that grows with its content where the browser supports it. */
export function Textarea({ className, rows = 4, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      rows={rows}
      className={controlClasses(cn('min-h-20 py-2 field-sizing-content read-only:bg-surface-muted', className))}
      {...props}
    />
  );
}
