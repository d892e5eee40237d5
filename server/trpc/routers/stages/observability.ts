import { z } from 'zod';
import { projectProcedure, router } from '../../init';
import { checklistProcedures } from './checklist-procedures';
import { documentBodySchema } from '@/server/records/documents';
import { saveDocument } from '@/server/services/records/documents';
import { recordScope } from '@/server/services/records/scope';
import { projectDocuments } from '@/server/services/records/views';

const OBSERVABILITY_DOCUMENTS = ['incident_template'] as const;

export const observabilityRouter = router({
  ...checklistProcedures('observability'),

  // Incident note template: a default to start from until the project saves its own.
  documents: projectProcedure('project:read').query(({ ctx }) => projectDocuments(ctx.db, { projectId: ctx.project.projectId, kinds: OBSERVABILITY_DOCUMENTS })),
  saveDocument: projectProcedure('project:edit')
    .input(z.object({ kind: z.enum(OBSERVABILITY_DOCUMENTS, 'Only the incident template lives here.'), body: documentBodySchema }))
    .mutation(({ ctx, input }) => saveDocument(ctx.db, recordScope(ctx), input.kind, input.body)),
});
