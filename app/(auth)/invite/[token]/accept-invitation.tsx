'use client';
import { useMutation } from '@tanstack/react-query';
import { AcceptLink } from '@/app/_lib/accept-link';
import { useTRPC } from '@/app/_lib/trpc';

type Props = { token: string; invitedEmail: string; signedInEmail: string | null; title: string; description: string };

export function AcceptInvitation({ token, ...props }: Props) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.workspace.acceptInvitation.mutationOptions());
  return (
    <AcceptLink
      {...props}
      returnPath={`/invite/${token}`}
      accept={async () => `/w/${(await accept.mutateAsync({ token })).workspaceId}`}
    />
  );
}
