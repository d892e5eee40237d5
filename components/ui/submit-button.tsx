'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './button';

/**
 * Submit button for forms driven by a server action: shows the loading state while the
 * enclosing <form> is pending, so pages do not have to thread a `pending` flag through.
 */
export function SubmitButton({ loading, ...props }: Omit<ButtonProps, 'type'>) {
  const { pending } = useFormStatus();
  return <Button type="submit" loading={loading || pending} {...props} />;
}
