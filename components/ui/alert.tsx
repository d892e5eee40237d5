import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';

const alertTones = {
  info: { box: 'border-info-200 bg-info-50', icon: 'text-info-600', Icon: InfoIcon },
  success: { box: 'border-success-200 bg-success-50', icon: 'text-success-600', Icon: CheckCircleIcon },
  warning: { box: 'border-warning-200 bg-warning-50', icon: 'text-warning-600', Icon: WarningIcon },
  danger: { box: 'border-danger-200 bg-danger-50', icon: 'text-danger-600', Icon: ErrorIcon },
} as const;

export type AlertTone = keyof typeof alertTones;

export type AlertProps = Omit<ComponentProps<'div'>, 'title'> & {
  tone?: AlertTone;
  title?: ReactNode;
  /** Replaces the tone's default icon; pass null for none. */
  icon?: ReactNode;
  /** A button or link shown after the text. */
  action?: ReactNode;
};

/**
 * A callout box for page-level messages. Static by default; pass role="alert" when it
 * appears in response to an action (e.g. a form-level error) so it is announced.
 */
export function Alert({ tone = 'info', title, icon, action, className, children, ...props }: AlertProps) {
  const style = alertTones[tone];
  const DefaultIcon = style.Icon;
  return (
    <div className={cn('flex gap-3 rounded-card border p-4 text-sm', style.box, className)} {...props}>
      {icon === undefined ? <DefaultIcon className={cn('mt-px size-5 shrink-0', style.icon)} /> : icon}
      <div className="grid min-w-0 flex-1 gap-1">
        {title ? <p className="font-semibold text-fg">{title}</p> : null}
        {children ? (
          // Under a title the body is secondary; on its own it is the message, so full contrast.
          <div className={cn(title ? 'text-fg-muted' : 'text-fg', '[&_a]:font-medium [&_a]:text-fg [&_a]:underline')}>
            {children}
          </div>
        ) : null}
        {action ? <div className="mt-2 flex flex-wrap gap-2">{action}</div> : null}
      </div>
    </div>
  );
}

/** Alias: the same component reads better as "Callout" for advice boxes in content. */
export const Callout = Alert;
