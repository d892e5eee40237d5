/**
 * Editing the prompt set. Every change bumps the set's version (runs record the version they
 * ran, and keep each prompt as it was), and is written to the activity log.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { chatbotPrompts, chatbotSettings, projects } from '@/db/schema';
import { badInput, notFound } from '@/server/errors';
import { quoted, recordActivity } from '@/server/services/activity';
import { ensureSettings } from './settings-service';
import type { PromptSuggestion } from './suggestions';
import type { PromptInput } from './validation';
import { MAX_PROMPTS } from './vocabulary';

type Actor = { projectId: string; actorId: string };
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function bumpVersion(tx: Tx, projectId: string, actorId: string) {
  await ensureSettings(tx, projectId, actorId);
  await tx.update(chatbotSettings).set({ promptSetVersion: sql`${chatbotSettings.promptSetVersion} + 1`, updatedAt: new Date(), updatedBy: actorId }).where(eq(chatbotSettings.projectId, projectId));
}

async function room(tx: Tx, projectId: string, adding: number): Promise<number> {
  // Locks the project's set while counting, so two additions at once cannot pass the cap.
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
  const [row] = await tx.select({ count: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${chatbotPrompts.position}), -1)::int` }).from(chatbotPrompts).where(eq(chatbotPrompts.projectId, projectId));
  if (Number(row?.count ?? 0) + adding > MAX_PROMPTS) {
    throw badInput(`A prompt set holds at most ${MAX_PROMPTS} prompts; each run sends every one of them to your bot.`);
  }
  return Number(row?.last ?? -1) + 1;
}

export async function addPrompt(db: Database, { projectId, actorId }: Actor, input: PromptInput) {
  return db.transaction(async (tx) => {
    const position = await room(tx, projectId, 1);
    const [row] = await tx.insert(chatbotPrompts).values({ projectId, ...input, position, updatedBy: actorId }).returning();
    await bumpVersion(tx, projectId, actorId);
    await recordActivity(tx, { projectId, actorId, action: 'chatbot.prompt.add', summary: `added the chatbot prompt ${quoted(input.title)}` });
    return row!;
  });
}

/** Adds the chosen playbook suggestions that are not in the set yet. */
export async function addSuggestions(db: Database, { projectId, actorId }: Actor, suggestions: readonly PromptSuggestion[]) {
  return db.transaction(async (tx) => {
    const keys = suggestions.map((s) => s.key);
    const present = keys.length === 0 ? [] : await tx.select({ key: chatbotPrompts.suggestionKey }).from(chatbotPrompts).where(and(eq(chatbotPrompts.projectId, projectId), inArray(chatbotPrompts.suggestionKey, keys)));
    const fresh = suggestions.filter((s) => !present.some((p) => p.key === s.key));
    if (fresh.length === 0) return { added: 0 };
    const first = await room(tx, projectId, fresh.length);
    await tx.insert(chatbotPrompts).values(
      fresh.map((s, index) => ({ projectId, category: s.category, title: s.title, prompt: s.prompt, severity: s.severity, expectations: s.expectations, suggestionKey: s.key, position: first + index, updatedBy: actorId })),
    );
    await bumpVersion(tx, projectId, actorId);
    await recordActivity(tx, { projectId, actorId, action: 'chatbot.prompt.suggested', summary: `added ${fresh.length} suggested chatbot prompt${fresh.length === 1 ? '' : 's'}` });
    return { added: fresh.length };
  });
}

export async function updatePrompt(db: Database, { projectId, actorId }: Actor, promptId: string, input: PromptInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(chatbotPrompts)
      .set({ ...input, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(chatbotPrompts.projectId, projectId), eq(chatbotPrompts.id, promptId)))
      .returning();
    if (!row) throw notFound('Prompt');
    await bumpVersion(tx, projectId, actorId);
    await recordActivity(tx, { projectId, actorId, action: 'chatbot.prompt.update', summary: `changed the chatbot prompt ${quoted(input.title)}` });
    return row;
  });
}

export async function removePrompt(db: Database, { projectId, actorId }: Actor, promptId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(chatbotPrompts).where(and(eq(chatbotPrompts.projectId, projectId), eq(chatbotPrompts.id, promptId))).returning({ title: chatbotPrompts.title });
    if (!row) throw notFound('Prompt');
    await bumpVersion(tx, projectId, actorId);
    await recordActivity(tx, { projectId, actorId, action: 'chatbot.prompt.remove', summary: `removed the chatbot prompt ${quoted(row.title)}` });
    return { removed: true };
  });
}
