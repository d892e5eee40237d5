/**
 * The chatbot set-up of a project: request template, answer path, schedule, and the leak canary
 * (made once, replaceable). The row is created on first use with a fresh canary.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { chatbotSettings, type ChatbotSettingsRow } from '@/db/schema';
import { generateCanary } from '@/server/chat/canary';
import { DEFAULT_CHAT_TEMPLATE } from '@/server/chat/template';
import { recordActivity } from '@/server/services/activity';

type Actor = { projectId: string; actorId: string | null };
export type SettingsInput = { requestTemplate: string; answerPath: string | null; scheduleEnabled: boolean; scheduleEveryDays: number };

const DAY_MS = 86_400_000;

/** The settings row, created with the default template and a new canary when there is none. */
export async function ensureSettings(tx: DbOrTx, projectId: string, actorId: string | null): Promise<ChatbotSettingsRow> {
  const [existing] = await tx.select().from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId));
  if (existing) return existing;
  const [created] = await tx
    .insert(chatbotSettings)
    .values({ projectId, requestTemplate: DEFAULT_CHAT_TEMPLATE, canary: generateCanary(), updatedBy: actorId })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [raced] = await tx.select().from(chatbotSettings).where(eq(chatbotSettings.projectId, projectId));
  return raced!;
}

/** When the next scheduled re-run is due, from the last run (or now when there is none yet). */
export function nextRunAfter(lastRunAt: Date | null, everyDays: number, now = new Date()): Date {
  const from = lastRunAt ?? now;
  const due = new Date(from.getTime() + everyDays * DAY_MS);
  return due < now ? now : due;
}

export async function saveSettings(db: DbOrTx, { projectId, actorId }: Actor, input: SettingsInput, lastRunAt: Date | null) {
  await ensureSettings(db, projectId, actorId);
  const [row] = await db
    .update(chatbotSettings)
    .set({
      requestTemplate: input.requestTemplate,
      answerPath: input.answerPath,
      scheduleEnabled: input.scheduleEnabled,
      scheduleEveryDays: input.scheduleEveryDays,
      // Re-runs start after a first run; turning the schedule off clears the due date.
      nextRunAt: input.scheduleEnabled && lastRunAt ? nextRunAfter(lastRunAt, input.scheduleEveryDays) : null,
      updatedAt: new Date(),
      updatedBy: actorId,
    })
    .where(eq(chatbotSettings.projectId, projectId))
    .returning();
  await recordActivity(db, { projectId, actorId, action: 'chatbot.settings', summary: 'updated the chatbot request template and schedule' });
  return row!;
}

export async function replaceCanary(db: DbOrTx, { projectId, actorId }: Actor) {
  await ensureSettings(db, projectId, actorId);
  const [row] = await db.update(chatbotSettings).set({ canary: generateCanary(), canaryCreatedAt: new Date(), updatedAt: new Date(), updatedBy: actorId }).where(eq(chatbotSettings.projectId, projectId)).returning();
  await recordActivity(db, { projectId, actorId, action: 'chatbot.canary', summary: 'made a new leak canary for the chatbot' });
  return row!;
}
