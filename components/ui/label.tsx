import type { ComponentProps } from 'react';
import { cn } from './cn';

export function Label({ className, ...props }: ComponentProps<'label'>) {
  // biome-ignore lint/a11y/noLabelWithoutControl: the caller passes htmlFor (or wraps the control) through props
  return <label className={cn('text-sm font-medium text-fg', className)} {...props} />;
}
