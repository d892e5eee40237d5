import { z } from 'zod';
import { idSchema, projectProcedure, router } from '../../init';
import { checklistProcedures } from './checklist-procedures';
import { envVarFieldsSchema } from '@/server/records/env-var-input';
import { documentBodySchema } from '@/server/records/documents';
import { releaseStepFieldsSchema } from '@/server/records/release-steps';
import { addEnvVar, removeEnvVar, updateEnvVar } from '@/server/services/records/env-vars';
import { saveDocument } from '@/server/services/records/documents';
import {
  addReleaseStep,
  addStandardReleaseSteps,
  removeReleaseStep,
  resetReleaseChecklist,
  tickReleaseStep,
  updateReleaseStep,
} from '@/server/services/records/release-steps';
import { envVarInventory, projectDocuments, releaseChecklist } from '@/server/services/records/views';
import { recordScope } from '@/server/services/records/scope';

const DEPLOYMENT_DOCUMENTS = ['deployment_runbook', 'rollback_path'] as const;

export const deploymentRouter = router({
  ...checklistProcedures('deployment'),

  // Environment-variable inventory: names and facts about each value, never the value.
  envVars: projectProcedure('project:read').query(({ ctx }) =>
    envVarInventory(ctx.db, {
      projectId: ctx.project.projectId,
      workspaceId: ctx.project.workspaceId,
      includeMembers: ctx.project.permissions.has('project:edit') && ctx.project.grant.via === 'workspace',
    }),
  ),
  addEnvVar: projectProcedure('project:edit')
    .input(envVarFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, ...fields } }) => addEnvVar(ctx.db, recordScope(ctx), fields)),
  updateEnvVar: projectProcedure('project:edit')
    .input(z.object({ envVarId: idSchema }))
    .input(envVarFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, envVarId, ...fields } }) => updateEnvVar(ctx.db, recordScope(ctx), envVarId, fields)),
  removeEnvVar: projectProcedure('project:edit')
    .input(z.object({ envVarId: idSchema }))
    .mutation(({ ctx, input }) => removeEnvVar(ctx.db, recordScope(ctx), input.envVarId)),

  // Deployment runbook and rollback path.
  documents: projectProcedure('project:read').query(({ ctx }) => projectDocuments(ctx.db, { projectId: ctx.project.projectId, kinds: DEPLOYMENT_DOCUMENTS })),
  saveDocument: projectProcedure('project:edit')
    .input(z.object({ kind: z.enum(DEPLOYMENT_DOCUMENTS, 'Choose the runbook or the rollback path.'), body: documentBodySchema }))
    .mutation(({ ctx, input }) => saveDocument(ctx.db, recordScope(ctx), input.kind, input.body)),

  // Release checklist: tick during a release, reset for the next.
  releaseChecklist: projectProcedure('project:read').query(({ ctx }) => releaseChecklist(ctx.db, { projectId: ctx.project.projectId })),
  addReleaseStep: projectProcedure('project:edit')
    .input(releaseStepFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, ...fields } }) => addReleaseStep(ctx.db, recordScope(ctx), fields)),
  addStandardReleaseSteps: projectProcedure('project:edit').mutation(({ ctx }) => addStandardReleaseSteps(ctx.db, recordScope(ctx))),
  updateReleaseStep: projectProcedure('project:edit')
    .input(z.object({ stepId: idSchema }))
    .input(releaseStepFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, stepId, ...fields } }) => updateReleaseStep(ctx.db, recordScope(ctx), stepId, fields)),
  removeReleaseStep: projectProcedure('project:edit')
    .input(z.object({ stepId: idSchema }))
    .mutation(({ ctx, input }) => removeReleaseStep(ctx.db, recordScope(ctx), input.stepId)),
  tickReleaseStep: projectProcedure('project:edit')
    .input(z.object({ stepId: idSchema, done: z.boolean() }))
    .mutation(({ ctx, input }) => tickReleaseStep(ctx.db, recordScope(ctx), input.stepId, input.done)),
  resetReleaseChecklist: projectProcedure('project:edit').mutation(({ ctx }) => resetReleaseChecklist(ctx.db, recordScope(ctx))),
});
