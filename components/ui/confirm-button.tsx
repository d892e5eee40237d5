'use client';
/** A button that asks, in the app's own dialog, before doing something that cannot be undone (remove, reset, leave). */
import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button';
import { Dialog } from './dialog';

type Props = {
  label: ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => Promise<boolean>;
  pending?: boolean;
  'aria-label'?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
};

export function ConfirmButton({ label, title, description, confirmLabel, onConfirm, pending, variant = 'ghost', size = 'sm', ...rest }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)} aria-label={rest['aria-label']}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        size="sm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant="danger" loading={pending} onClick={async () => (await onConfirm()) && setOpen(false)}>
              {confirmLabel}
            </Button>
          </>
        }
      />
    </>
  );
}
