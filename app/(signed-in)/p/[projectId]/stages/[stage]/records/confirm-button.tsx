'use client';
/** A small button that asks before doing something that cannot be undone (remove, reset). */
import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

type Props = {
  label: ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => Promise<boolean>;
  pending?: boolean;
  'aria-label'?: string;
  variant?: ButtonProps['variant'];
};

export function ConfirmButton({ label, title, description, confirmLabel, onConfirm, pending, variant = 'ghost', ...rest }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size="sm" onClick={() => setOpen(true)} aria-label={rest['aria-label']}>
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
