/**
 * Synthetic journeys (sign-in and multi-step API). Reading needs 'project:read' (clients who see
 * monitoring see them, read-only); creating and changing them needs 'project:edit'.
 */
import { z } from 'zod';
import { idSchema, projectProcedure, router } from '../init';
import { cachedProjectRead } from '../cached-reads';
import { journeyFieldsSchema, MAX_JOURNEY_INTERVAL_SECONDS, MIN_JOURNEY_INTERVAL_SECONDS } from '@/server/journeys/steps';
import { signInPresetSchema } from '@/server/journeys/sign-in-preset';
import { createJourney, createSignInJourney, getJourney, listJourneys, removeJourney, setJourneyEnabled, updateJourney } from '@/server/journeys/service';
import { requiredText } from '@/server/validation';

const journeyId = z.object({ journeyId: idSchema });

export const journeysRouter = router({
  /** Every journey with its 24-hour and 7-day success rate against its target. */
  list: projectProcedure('project:read').query(({ ctx }) => {
    const now = new Date();
    return cachedProjectRead(ctx, 'journeys.list', null, () => listJourneys(ctx.db, ctx.project.projectId, now), { usesMonitoring: true, now });
  }),

  /** One journey: its definition (secrets by name only), figures and latest runs (masked). */
  get: projectProcedure('project:read')
    .input(journeyId)
    .query(({ ctx, input }) => getJourney(ctx.db, ctx.project.projectId, input.journeyId)),

  create: projectProcedure('project:edit')
    .input(journeyFieldsSchema)
    .mutation(({ ctx, input }) => {
      const { projectId: _p, ...fields } = input as typeof input & { projectId: string };
      return createJourney(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, fields);
    }),

  /** The sign-in preset: steps written from a few answers (JSON API or HTML form with CSRF). */
  createSignIn: projectProcedure('project:edit')
    .input(
      z.object({
        name: requiredText(120, 'Name the journey.', 'Keep the name under 120 characters.'),
        intervalSeconds: z.number().int('Use whole seconds.').min(MIN_JOURNEY_INTERVAL_SECONDS, 'Once a minute at the most often.').max(MAX_JOURNEY_INTERVAL_SECONDS, 'At least once an hour.').default(300),
        preset: signInPresetSchema,
      }),
    )
    .mutation(({ ctx, input }) => createSignInJourney(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input)),

  update: projectProcedure('project:edit')
    .input(journeyId.extend({ fields: journeyFieldsSchema }))
    .mutation(({ ctx, input }) => updateJourney(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.journeyId, input.fields)),

  setEnabled: projectProcedure('project:edit')
    .input(journeyId.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setJourneyEnabled(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.journeyId, input.enabled)),

  remove: projectProcedure('project:edit')
    .input(journeyId)
    .mutation(({ ctx, input }) => removeJourney(ctx.db, { projectId: ctx.project.projectId, actorId: ctx.user.id }, input.journeyId)),
});
