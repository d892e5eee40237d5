'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { messageOf, useTRPC } from '@/app/_lib/trpc';

export function IncidentNotes({ projectId, incidentId, notes, template, canEdit }: { projectId: string; incidentId: string; notes: string | null; template: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const save = useMutation(trpc.monitoring.updateIncident.mutationOptions());
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(notes ?? template);
  if (!editing) {
    return (
      <div className="grid gap-2">
        {notes ? <p className="whitespace-pre-line text-sm text-fg">{notes}</p> : <p className="text-sm text-fg-muted">No notes yet.</p>}
        {canEdit ? (
          <div>
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
              {notes ? 'Edit notes' : 'Write notes'}
            </Button>
          </div>
        ) : null}
      </div>
    );
  }
  return (
    <form
      className="grid gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await save.mutateAsync({ projectId, incidentId, notes: value });
          setEditing(false);
          toast.success('Notes saved');
          router.refresh();
        } catch (error) {
          toast.error('Could not save the notes', messageOf(error));
        }
      }}
    >
      <Textarea aria-label="Incident notes" rows={5} value={value} onChange={(e) => setValue(e.target.value)} />
      <div className="flex gap-2">
        <Button size="sm" type="submit" loading={save.isPending}>
          Save notes
        </Button>
        <Button size="sm" variant="ghost" type="button" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
