import { Children, cloneElement, isValidElement, useId, type AriaAttributes, type ReactElement, type ReactNode } from 'react';
import { cn } from './cn';
import { ErrorIcon } from './icons';
import { Label } from './label';

/** The props Field sets on its control; Input, Textarea and Select all accept them. */
type FieldControlProps = {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: AriaAttributes['aria-invalid'];
};

export type FieldProps = {
  label: ReactNode;
  /** Exactly one control element, e.g. <Input name="email" />. */
  children: ReactElement<FieldControlProps>;
  hint?: ReactNode;
  /** Server-side field errors: one message or a list (as zod's flatten() returns). */
  error?: string | readonly string[] | null;
  /** Marks the field as optional in the label; required is the default expectation. */
  optional?: boolean;
  /** Id for the control; generated when neither this nor the control's own id is set. */
  id?: string;
  className?: string;
};

/**
 * Label + control + hint + error, with the accessibility wiring done once: the label
 * targets the control, and hint and error are linked through aria-describedby, with
 * aria-invalid set while there is an error. Works in server and client components.
 */
export function Field({ label, children, hint, error, optional, id, className }: FieldProps) {
  const generatedId = useId();
  const control = Children.only(children);
  if (!isValidElement<FieldControlProps>(control)) return null;

  const controlId = id ?? control.props.id ?? generatedId;
  const errors = error == null ? [] : typeof error === 'string' ? [error] : error.filter(Boolean);
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = errors.length > 0 ? `${controlId}-error` : undefined;

  const wiredControl = cloneElement(control, {
    id: controlId,
    'aria-describedby': cn(control.props['aria-describedby'], hintId, errorId) || undefined,
    'aria-invalid': errorId ? true : control.props['aria-invalid'],
  });

  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={controlId}>
        {label}
        {optional ? <span className="font-normal text-fg-subtle"> (optional)</span> : null}
      </Label>
      {wiredControl}
      {hint ? (
        <p id={hintId} className="text-sm text-fg-muted">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <div id={errorId} className="flex gap-1.5 text-sm text-danger-700">
          <ErrorIcon className="mt-0.5 size-4 shrink-0" />
          {errors.length === 1 ? (
            <p>{errors[0]}</p>
          ) : (
            <ul className="grid gap-0.5">
              {errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
