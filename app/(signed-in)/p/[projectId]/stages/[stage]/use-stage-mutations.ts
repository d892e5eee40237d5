'use client';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/app/_lib/trpc';
import type { StageKey } from '@/lib/vocabulary/projects';

/** The checklist mutations of one stage's router (every stage router has the same ones). */
export function useStageMutations(stageKey: StageKey) {
  const trpc = useTRPC();
  const stage = trpc[stageKey];
  return {
    updateItem: useMutation(stage.updateItem.mutationOptions()),
    addEvidence: useMutation(stage.addEvidence.mutationOptions()),
    comment: useMutation(stage.comment.mutationOptions()),
    addItem: useMutation(stage.addItem.mutationOptions()),
  };
}
