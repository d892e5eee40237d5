import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './control-styles';

/** A styled native <input>. Wrap in Field to get a label, hint and error wired up. */
export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={controlClasses(cn('h-9 read-only:bg-surface-muted', className))} {...props} />;
}
