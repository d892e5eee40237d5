'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';

export function ArchiveProject({ projectId, archived }: { projectId: string; archived: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const archive = useMutation(trpc.project.archive.mutationOptions());
  const restore = useMutation(trpc.project.restore.mutationOptions());

  async function act(mutation: typeof archive, done: string) {
    try {
      await mutation.mutateAsync({ projectId });
      setConfirming(false);
      toast.success(done);
      router.refresh();
    } catch (error) {
      toast.error('That did not work', messageOf(error));
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{archived ? 'Restore project' : 'Archive project'}</CardTitle>
        <CardDescription>
          {archived
            ? 'Bring the project back to the workspace list.'
            : 'Archived projects leave the workspace list and stop being checked. Nothing is deleted; you can restore it any time.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {archived ? (
          <Button variant="secondary" loading={restore.isPending} onClick={() => act(restore, 'Project restored')}>
            Restore project
          </Button>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Archive project
          </Button>
        )}
        <Dialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Archive this project?"
          description="It leaves the workspace list and its checks stop. You can restore it later."
          footer={
            <>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button variant="danger" loading={archive.isPending} onClick={() => act(archive, 'Project archived')}>
                Archive
              </Button>
            </>
          }
        />
      </CardContent>
    </Card>
  );
}
