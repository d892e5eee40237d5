import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './control-styles';
import { ChevronDownIcon } from './icons';

export type SelectProps = ComponentProps<'select'> & {
  /** Classes for the box around the select and its chevron, e.g. a width (`w-48`). */
  containerClassName?: string;
};

/**
 * A native <select> (so keyboard, screen readers and mobile pickers behave as users expect)
 * restyled with our own chevron. Pass <option> children as usual.
 */
export function Select({ className, containerClassName, multiple, ...props }: SelectProps) {
  if (multiple) {
    return <select multiple className={controlClasses(cn('py-1.5', className))} {...props} />;
  }
  return (
    // Grid stacking keeps the chevron aligned to whatever width the select ends up with.
    <div className={cn('grid w-full', containerClassName)}>
      <select
        className={controlClasses(cn('col-start-1 row-start-1 h-9 appearance-none pr-9', className))}
        {...props}
      />
      <ChevronDownIcon className="pointer-events-none col-start-1 row-start-1 mr-3 size-4 self-center justify-self-end text-fg-subtle" />
    </div>
  );
}
