import { z } from 'zod';
import { idSchema, projectProcedure, router } from '../../init';
import { checklistProcedures } from './checklist-procedures';
import { contactFieldsSchema } from '@/server/records/contacts';
import { entryFieldsSchema } from '@/server/records/handover-entries';
import { addContact, moveContact, removeContact, setFallbackContact, updateContact } from '@/server/services/records/contacts';
import { addEntry, addWeeklySuggestions, removeEntry, updateEntry } from '@/server/services/records/entries';
import { recordScope } from '@/server/services/records/scope';
import { escalationContacts, handoverEntries } from '@/server/services/records/views';
import { lookupKeySchema } from '@/server/validation';

const contactId = z.object({ contactId: idSchema });
const entryId = z.object({ entryId: idSchema });

export const handoverRouter = router({
  ...checklistProcedures('handover'),

  // Escalation contacts, in the order they are called; one may be the fallback.
  contacts: projectProcedure('project:read').query(({ ctx }) => escalationContacts(ctx.db, { projectId: ctx.project.projectId })),
  addContact: projectProcedure('project:edit')
    .input(contactFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, ...fields } }) => addContact(ctx.db, recordScope(ctx), fields)),
  updateContact: projectProcedure('project:edit')
    .input(contactId)
    .input(contactFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, contactId: id, ...fields } }) => updateContact(ctx.db, recordScope(ctx), id, fields)),
  removeContact: projectProcedure('project:edit')
    .input(contactId)
    .mutation(({ ctx, input }) => removeContact(ctx.db, recordScope(ctx), input.contactId)),
  moveContact: projectProcedure('project:edit')
    .input(contactId.extend({ direction: z.enum(['up', 'down'], 'Move up or down.') }))
    .mutation(({ ctx, input }) => moveContact(ctx.db, recordScope(ctx), input.contactId, input.direction)),
  setFallbackContact: projectProcedure('project:edit')
    .input(contactId)
    .mutation(({ ctx, input }) => setFallbackContact(ctx.db, recordScope(ctx), input.contactId)),

  // Known limitations, improvements ranked by business value, the weekly operating checklist.
  entries: projectProcedure('project:read').query(({ ctx }) => handoverEntries(ctx.db, { projectId: ctx.project.projectId })),
  addEntry: projectProcedure('project:edit')
    .input(entryFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, ...fields } }) => addEntry(ctx.db, recordScope(ctx), fields)),
  updateEntry: projectProcedure('project:edit')
    .input(entryId)
    .input(entryFieldsSchema)
    .mutation(({ ctx, input: { projectId: _, entryId: id, ...fields } }) => updateEntry(ctx.db, recordScope(ctx), id, fields)),
  removeEntry: projectProcedure('project:edit')
    .input(entryId)
    .mutation(({ ctx, input }) => removeEntry(ctx.db, recordScope(ctx), input.entryId)),
  addWeeklySuggestions: projectProcedure('project:edit')
    .input(z.object({ keys: z.array(lookupKeySchema).min(1, 'Pick at least one suggestion.').max(20) }))
    .mutation(({ ctx, input }) => addWeeklySuggestions(ctx.db, recordScope(ctx), input.keys)),
});
