'use client';
/** Pause / resume and remove for a journey (editors only). */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';

export function JourneyActions({ projectId, journeyId, name, enabled }: { projectId: string; journeyId: string; name: string; enabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const set = useMutation(trpc.journeys.setEnabled.mutationOptions());
  const remove = useMutation(trpc.journeys.remove.mutationOptions());
  return (
    <>
      <Button
        variant="secondary"
        loading={set.isPending}
        onClick={async () => {
          try {
            await set.mutateAsync({ projectId, journeyId, enabled: !enabled });
            toast.success(enabled ? 'Journey paused' : 'Journey resumed', enabled ? undefined : 'It runs again at its next slot.');
            router.refresh();
          } catch (error) {
            toast.error('Could not change the journey', messageOf(error));
          }
        }}
      >
        {enabled ? 'Pause' : 'Resume'}
      </Button>
      <ConfirmButton
        label="Remove"
        variant="secondary"
        size="md"
        title={`Remove “${name}”?`}
        description="Its runs and success rate are removed with it."
        confirmLabel="Remove journey"
        pending={remove.isPending}
        onConfirm={async () => {
          try {
            await remove.mutateAsync({ projectId, journeyId });
            toast.success('Journey removed');
            router.push(`/p/${projectId}/monitors`);
            router.refresh();
            return true;
          } catch (error) {
            toast.error('Could not remove the journey', messageOf(error));
            return false;
          }
        }}
      />
    </>
  );
}
