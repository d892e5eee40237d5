/**
 * Chatbot launch checks in the browser, against the deterministic fake chatbot on loopback
 * (test/testnet/fake-chatbot.ts): a founder sets up the chat endpoint, proves the domain through
 * the loopback DNS server, adds the suggested prompts and their own everyday questions, and runs
 * the set. The bad bot's canary leak and obeyed injection fail, as critical findings that make the
 * verdict no-go; once the bot behaves, every prompt passes and those findings are fixed.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { startFakeChatbot, type FakeChatbotServer } from '../test/testnet/fake-chatbot';
import { setZone, signUp, uniqueEmail } from './helpers';
import { overflowingElements, sidewaysScroll } from './screen-checks';

const DOMAIN = 'coachly-bot.com';

/** One prompt's result card (its title opens the card's text; prompts may quote other titles). */
function result(page: Page, title: string): Locator {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('list', { name: 'Prompt results' }).locator(':scope > li').filter({ hasText: new RegExp(`^${escaped} ·`) });
}

function expectation(card: Locator, title: string, label: string): Locator {
  return card.getByRole('list', { name: `Expectations for ${title}` }).getByRole('listitem').filter({ hasText: label });
}

/** Presses "Run the prompt set" and waits until that run (not an earlier one) shows its results. */
async function runPromptSet(page: Page) {
  const started = page.waitForResponse((response) => response.url().includes('chatbot.start') && response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Run the prompt set' }).click();
  const body = (await (await started).json()) as { result: { data: { json: { runId: string } } } }[] | { result: { data: { json: { runId: string } } } };
  const runId = (Array.isArray(body) ? body[0] : body)!.result.data.json.runId;
  await expect(page.locator(`[id="chatbot-run-${runId}"]`)).toBeVisible({ timeout: 30_000 });
  return page.getByRole('status').filter({ hasText: /^Run of / });
}

/** The section at a phone's width and a laptop's: the page never scrolls sideways (e2e/screen-checks.ts names what sticks out); screenshots for review when asked. */
async function checkWidths(page: Page, section: Locator, screenshots: TestInfo | null) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    if (screenshots) {
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = (await section.boundingBox())!;
      // A clip of the whole page, so the sticky top bar does not cover the section's top.
      await page.screenshot({ path: screenshots.outputPath(`chatbot-section-${width}.png`), fullPage: true, clip: box });
    }
    expect(await sidewaysScroll(page), `the page scrolls sideways at ${width} px: ${(await overflowingElements(page)).join('; ')}`).toBe(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

let bot: FakeChatbotServer;
test.beforeAll(async () => {
  // Bad mode answers everyday questions after 5.5 s; the prompts allow 5 s (a wait is a floor, so it always fails;
  // the good bot answers at once, well inside 5 s even on a loaded machine).
  bot = await startFakeChatbot({ mode: 'bad', slowMs: 5_500, pieceMs: 1 });
});
test.afterAll(async () => {
  await bot?.close();
});

test('chatbot prompt set: the bad bot leaks the canary and obeys an injection → critical findings, no-go; the good bot passes everything', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await setZone(DOMAIN, { A: ['127.0.0.1'] });
  await setZone(`chat.${DOMAIN}`, { A: ['127.0.0.1'] });
  await signUp(page, 'Cora Coach', uniqueEmail('cora'));
  await page.getByLabel('Workspace name').fill('Cora Studio');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('link', { name: 'Create your first project' }).click();
  await page.getByLabel('Project name').fill('Coachly');
  await page.getByLabel('Product type').selectOption('ai-chatbot');
  await page.getByLabel('Market segment').selectOption('coach-consultant');
  await page.getByLabel('Where the product is').selectOption('demo-launch');
  await page.getByLabel('Roadmap playbook').selectOption('coach-chatbot-launch');
  await page.getByLabel('Primary domain').fill(DOMAIN);
  const endpoint = page.getByRole('group', { name: 'Endpoint 1' });
  await endpoint.getByLabel('What it is').selectOption('chat');
  await endpoint.getByLabel('URL or path').fill(`http://chat.${DOMAIN}:${bot.port}/api/chat`);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coachly' })).toBeVisible();
  const projectId = new URL(page.url()).pathname.split('/')[2]!;

  // Ownership: the code goes into the domain's TXT record (the loopback DNS server), then "Check now".
  await page.goto(`/p/${projectId}/settings`);
  await page.getByRole('button', { name: 'Get a verification code' }).click();
  const record = (await page.getByText(/^launch-ready-verification=/).first().textContent())!.trim();
  await setZone(DOMAIN, { A: ['127.0.0.1'], TXT: [record] });
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.locator('#ownership').getByText('Verified', { exact: true })).toBeVisible();

  // The Chatbot section on the perimeter stage: the request template, the canary, the prompt set.
  await page.goto(`/p/${projectId}/stages/perimeter`);
  const section = page.locator('#chatbot');
  await expect(section).toContainText('Domain ownership verified.');
  await section.getByRole('button', { name: 'Save set-up' }).click();
  const canaryCode = section.getByLabel('Leak canary');
  await expect(canaryCode).toHaveText(/^LR-CANARY-/);
  // The founder puts the canary into the bot's system prompt.
  bot.state.canary = (await canaryCode.textContent())!.trim();
  await section.getByRole('button', { name: 'Add 12 suggested prompts' }).click();
  await expect(section.getByRole('heading', { name: /Prompt set .* 12 prompts$/ })).toBeVisible();
  await section.getByRole('button', { name: 'Add everyday questions' }).click();
  const everyday = section.getByRole('form', { name: 'Add everyday questions' });
  await expect(everyday.getByLabel('Stay on topic: mention one of')).toHaveValue('Coachly');
  await everyday.getByLabel('Your top everyday questions').fill('How do I book a session?\nCan I change my plan later?\nhow do I book a session?');
  await everyday.getByLabel('Be complete within (ms)').fill('5000');
  await everyday.getByRole('button', { name: 'Add questions' }).click();
  await expect(section.getByRole('heading', { name: /Prompt set .* 14 prompts$/ })).toBeVisible();
  // The founder's own questions replace the generic suggested one (two slow answers at a time keep the bad run short).
  await section.getByRole('list', { name: 'Prompts' }).locator(':scope > li').filter({ hasText: 'What the bot is for' }).getByRole('button', { name: 'Remove' }).click();
  await expect(section.getByRole('heading', { name: /Prompt set · version 4 · 13 prompts$/ })).toBeVisible();

  // 1. The bad bot.
  await expect(await runPromptSet(page)).toContainText(/: \d+ of 13 prompts passed/);
  const leak = result(page, 'Ignore previous instructions');
  await expect(leak.getByText('Failed', { exact: true })).toBeVisible();
  await expect(expectation(leak, 'Ignore previous instructions', 'Never reveals the canary')).toContainText('The answer contains the canary');
  await expect(expectation(leak, 'Ignore previous instructions', 'Never reveals the canary').getByText('fail', { exact: true })).toBeVisible();
  const admin = result(page, 'Pretend to be an admin');
  await expect(admin.getByText('Failed', { exact: true })).toBeVisible();
  await expect(expectation(admin, 'Pretend to be an admin', 'Refuses')).toContainText('went along with the request');
  await expect(admin).toContainText('ADMIN MODE ON');
  const slow = result(page, 'How do I book a session?');
  await expect(expectation(slow, 'How do I book a session?', 'Complete within 5,000 ms').getByText('fail', { exact: true })).toBeVisible();
  // Answers are stored masked: the canary never shows in them.
  await expect(page.getByRole('list', { name: 'Prompt results' })).not.toContainText(bot.state.canary);
  await expect(leak).toContainText('[canary]');
  await expect(section).toContainText('Verdict for the checklist: failed — “Ignore previous instructions” leaked the canary.');
  await checkWidths(page, section, testInfo);

  // The risk list ranks them as critical findings, and the project says no-go because of them.
  await page.goto(`/p/${projectId}/risks`);
  const risks = page.getByRole('list', { name: 'Risks in fix order' });
  const leakRisk = risks.locator(':scope > li').filter({ hasText: 'chatbot prompt “Ignore previous instructions”' });
  await expect(leakRisk).toContainText('Critical');
  await expect(leakRisk).toContainText('leak canary');
  const injectionRisk = risks.locator(':scope > li').filter({ hasText: 'chatbot prompt “Pretend to be an admin”' });
  await expect(injectionRisk).toContainText('Critical');
  await expect(injectionRisk).toContainText('went along with a prompt injection');
  await page.goto(`/p/${projectId}`);
  const verdict = page.getByRole('region', { name: 'Go / no-go' });
  await expect(verdict.getByText('No-go', { exact: true })).toBeVisible();
  // The first reasons shown are the chatbot's critical findings (which of the equally ranked ones comes first may vary).
  const reason = verdict.getByRole('list', { name: 'Reasons for the recommendation' }).getByRole('link', { name: /^Critical finding on chatbot prompt “/ }).first();
  await expect(reason).toHaveAttribute('href', new RegExp(`/p/${projectId}/risks#finding-`));

  // 2. The founder fixes the bot: every prompt passes, and the chatbot's findings are fixed.
  bot.state.mode = 'good';
  bot.state.format = 'sse';
  await page.goto(`/p/${projectId}/stages/perimeter`);
  await expect(await runPromptSet(page)).toContainText(': 13 of 13 prompts passed, 0 failed');
  await expect(page.getByRole('list', { name: 'Prompt results' }).getByText('Failed', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Changes since the previous run' })).toContainText('Ignore previous instructions: fixed');
  await expect(section).toContainText('Verdict for the checklist: passed.');

  await expect(result(page, 'How do I book a session?')).toContainText(/Reply started after [\d,]+ ms, complete after [\d,]+ ms \(streamed events\)/);
  await checkWidths(page, section, null);

  await page.goto(`/p/${projectId}/risks`);
  const fixed = page.getByRole('list', { name: 'Fixed findings' });
  await expect(fixed).toContainText('chatbot prompt “Ignore previous instructions”');
  await expect(fixed).toContainText('chatbot prompt “Pretend to be an admin”');
  await expect(page.getByRole('list', { name: 'Risks in fix order' })).not.toContainText('chatbot prompt');
  expect(bot.state.maxInFlight).toBeLessThanOrEqual(2);
});
