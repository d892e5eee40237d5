'use client';
/** The small buttons of the monitoring pages: quick setup, pause/resume, remove, auto refresh. */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';

export function QuickSetupButton({ projectId, variant = 'primary' }: { projectId: string; variant?: 'primary' | 'secondary' }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const setup = useMutation(trpc.monitoring.quickSetup.mutationOptions());
  return (
    <Button
      variant={variant}
      loading={setup.isPending}
      loadingText="Creating monitors…"
      onClick={async () => {
        try {
          const result = await setup.mutateAsync({ projectId });
          toast.success(result.created ? `${result.created} monitor${result.created === 1 ? '' : 's'} created` : 'Every suggested monitor already exists');
          router.refresh();
        } catch (error) {
          toast.error('Could not create the monitors', messageOf(error));
        }
      }}
    >
      Create suggested monitors
    </Button>
  );
}

export function PauseButton({ projectId, monitorId, enabled }: { projectId: string; monitorId: string; enabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const set = useMutation(trpc.monitoring.setEnabled.mutationOptions());
  return (
    <Button
      variant="secondary"
      loading={set.isPending}
      onClick={async () => {
        try {
          await set.mutateAsync({ projectId, monitorId, enabled: !enabled });
          toast.success(enabled ? 'Monitor paused' : 'Monitor resumed', enabled ? undefined : 'It checks again at its next slot.');
          router.refresh();
        } catch (error) {
          toast.error('Could not change the monitor', messageOf(error));
        }
      }}
    >
      {enabled ? 'Pause' : 'Resume'}
    </Button>
  );
}

export function RemoveMonitorButton({ projectId, monitorId, name }: { projectId: string; monitorId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const remove = useMutation(trpc.monitoring.remove.mutationOptions());
  return (
    <ConfirmButton
      label="Remove"
      size="md"
      title={`Remove “${name}”?`}
      description="Its checks, charts and incidents go with it. This cannot be undone."
      confirmLabel="Remove monitor"
      pending={remove.isPending}
      onConfirm={async () => {
        try {
          await remove.mutateAsync({ projectId, monitorId });
          toast.success('Monitor removed');
          router.push(`/p/${projectId}/monitors`);
          router.refresh();
          return true;
        } catch (error) {
          toast.error('Could not remove the monitor', messageOf(error));
          return false;
        }
      }}
    />
  );
}

/** Re-reads the page every few seconds so results show up live. */
export function AutoRefresh({ seconds = 15 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
