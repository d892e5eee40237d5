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
import type { EverydayQuestionsInput, PromptInput } from './validation';
import { MAX_PROMPTS, type Expectation } from '@/lib/vocabulary/chatbot';

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

type NewPrompt = Omit<typeof chatbotPrompts.$inferInsert, 'projectId' | 'position' | 'updatedBy'>;

/** Appends prompts at the end of the set (within the cap), bumps its version once and logs `summary`. */
async function appendPrompts(tx: Tx, { projectId, actorId }: Actor, rows: readonly NewPrompt[], action: string, summary: string) {
  const first = await room(tx, projectId, rows.length);
  await tx.insert(chatbotPrompts).values(rows.map((row, index) => ({ ...row, projectId, position: first + index, updatedBy: actorId })));
  await bumpVersion(tx, projectId, actorId);
  await recordActivity(tx, { projectId, actorId, action, summary });
}

/** Adds the chosen playbook suggestions that are not in the set yet. */
export async function addSuggestions(db: Database, actor: Actor, suggestions: readonly PromptSuggestion[]) {
  return db.transaction(async (tx) => {
    const keys = suggestions.map((s) => s.key);
    const present = keys.length === 0 ? [] : await tx.select({ key: chatbotPrompts.suggestionKey }).from(chatbotPrompts).where(and(eq(chatbotPrompts.projectId, actor.projectId), inArray(chatbotPrompts.suggestionKey, keys)));
    const fresh = suggestions.filter((s) => !present.some((p) => p.key === s.key));
    if (fresh.length === 0) return { added: 0 };
    const rows = fresh.map((s) => ({ category: s.category, title: s.title, prompt: s.prompt, severity: s.severity, expectations: s.expectations, suggestionKey: s.key }));
    await appendPrompts(tx, actor, rows, 'chatbot.prompt.suggested', `added ${fresh.length} suggested chatbot prompt${fresh.length === 1 ? '' : 's'}`);
    return { added: fresh.length };
  });
}

/** A question as a prompt's name: itself, shortened to the name's 120 characters. */
const titleOf = (question: string) => (question.length <= 120 ? question : `${question.slice(0, 119).trimEnd()}…`);

/**
 * The founder's top everyday questions, each an everyday prompt that must stay on topic and be
 * complete in time. Questions already in the set (same words, any case) are skipped, not doubled.
 */
export async function addEverydayQuestions(db: Database, actor: Actor, input: EverydayQuestionsInput) {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ prompt: chatbotPrompts.prompt }).from(chatbotPrompts).where(eq(chatbotPrompts.projectId, actor.projectId));
    const known = new Set(existing.map((p) => p.prompt.trim().replace(/\s+/g, ' ').toLowerCase()));
    const fresh = input.questions.filter((q) => !known.has(q.toLowerCase()));
    if (fresh.length > 0) {
      const expectations: Expectation[] = [
        { kind: 'on-topic', keywords: input.keywords },
        { kind: 'within-ms', ms: input.withinMs },
      ];
      const rows = fresh.map((question) => ({ category: 'everyday' as const, title: titleOf(question), prompt: question, severity: 'medium' as const, expectations }));
      await appendPrompts(tx, actor, rows, 'chatbot.prompt.everyday', `added ${fresh.length} everyday question${fresh.length === 1 ? '' : 's'} to the chatbot prompts`);
    }
    return { added: fresh.length, skipped: input.questions.length - fresh.length };
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
