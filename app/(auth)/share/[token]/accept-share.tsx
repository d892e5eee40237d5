'use client';
import { useMutation } from '@tanstack/react-query';
import { AcceptLink } from '@/app/_lib/accept-link';
import { useTRPC } from '@/app/_lib/trpc';

type Props = { token: string; invitedEmail: string; signedInEmail: string | null; title: string; description: string };

export function AcceptShare({ token, ...props }: Props) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.project.acceptShare.mutationOptions());
  return (
    <AcceptLink
      {...props}
      returnPath={`/share/${token}`}
      accept={async () => `/p/${(await accept.mutateAsync({ token })).projectId}`}
    />
  );
}
