/** Project secrets: names and dates out, values in only. The same people who edit the project's settings; clients never. */
import { z } from 'zod';
import { projectProcedure, router } from '../init';
import { listSecrets, removeSecret, secretNameSchema, setSecret, setSecretSchema } from '@/server/vault';
import { recordScope } from '@/server/services/records/scope';

export const secretsRouter = router({
  list: projectProcedure('project:edit').query(({ ctx }) => listSecrets(ctx.db, ctx.project.projectId)),

  set: projectProcedure('project:edit')
    .input(setSecretSchema)
    .mutation(({ ctx, input }) => setSecret(ctx.db, recordScope(ctx), { name: input.name, value: input.value })),

  remove: projectProcedure('project:edit')
    .input(z.object({ name: secretNameSchema }))
    .mutation(({ ctx, input }) => removeSecret(ctx.db, recordScope(ctx), input.name)),
});
