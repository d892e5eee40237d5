'use client';
/**
 * The one way our forms submit a tRPC mutation: field messages beside the fields, a toast for
 * everything else, the route refreshed on success (server components re-read their data).
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { fieldErrorsOf, messageOf, type FieldErrors } from './trpc';

type Options = { success?: string; successDetail?: string; failure?: string; reset?: HTMLFormElement };

export function useFormAction() {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(action: () => Promise<unknown>, options: Options = {}): Promise<boolean> {
    try {
      await action();
      setErrors({});
      options.reset?.reset();
      if (options.success) toast.success(options.success, options.successDetail);
      router.refresh();
      return true;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) toast.error(options.failure ?? 'That did not work', messageOf(error));
      return false;
    }
  }

  return { errors, submit };
}
