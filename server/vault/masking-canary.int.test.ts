/**
 * The masking canary: a secret set in the vault, sent by monitors to a loopback target that
 * echoes it back (in headers, bodies and the JSON value under test), must not appear in probe
 * results, stored errors, incidents, the server log, alert emails (real SMTP), Slack or webhook
 * payloads, or the handover pack (Markdown and PDF text) — nor anywhere in the database.
 * Any path that leaks fails this one test.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { alertChannels, monitorIncidents, monitorResults, monitors } from '@/db/schema';
import { createTestApp, type TestApp } from '@/test/harness';
import { createNetwork } from '@/server/net';
import { createMailer } from '@/server/mail/mailer';
import { startHttpServer, type TestServer } from '@/test/testnet/servers';
import { startSmtp, startWebhookReceiver } from '@/test/testnet/monitoring-fixtures';
import { runDueOnce } from '@/test/monitoring/run-once';
import { deliverDue } from '@/server/monitoring/alerts/deliver';
import { buildHandoverDocument } from '@/server/handover/model';
import { renderMarkdown } from '@/server/handover/render-markdown';
import { renderHandoverPdf } from '@/server/handover/render-pdf';
import { pdfText } from '@/test/handover/pdf-text';
import { rowsOf } from '@/server/monitoring/sql-rows';
import type { SessionUser } from '@/server/trpc/context';
import { FRAGMENT, MASK } from './mask';

// Assembled at run time so no scanner takes this file for a leak.
const CANARY = ['canary', 'Vx9Lq2Rt7Kp4Wm8Z', 'n3Bd6Hf1Js5Gc0'].join('-');
const network = createNetwork({ policy: { allowLoopback: true } });

let app: TestApp;
let owner: SessionUser;
let projectId: string;
let echo: TestServer;
const logged: string[] = [];

/** Echoes what it was sent: 401 with the Authorization header and body; /json answers 200 with the token inside. */
async function startEcho(): Promise<TestServer> {
  return startHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const received = { authorization: req.headers.authorization ?? null, apiKey: req.headers['x-api-key'] ?? null, body };
      if (req.url === '/json') {
        const token = (JSON.parse(body || '{}') as { token?: string }).token ?? null;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ session: { token }, received }));
      } else {
        res.writeHead(401, { 'content-type': 'application/json', 'x-echo': String(req.headers['x-api-key'] ?? '') }).end(JSON.stringify({ error: 'invalid token', received }));
      }
    });
  });
}

/** Every written form of a leak: the value, and any FRAGMENT characters of it. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + FRAGMENT <= CANARY.length; i++) if (text.includes(CANARY.slice(i, i + FRAGMENT))) found.push(CANARY.slice(i, i + FRAGMENT));
  return found;
}

/** A MIME message as a reader sees it: quoted-printable and base64 parts decoded. */
function decodedMail(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const base64Parts = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64').toString('utf8'));
  return [raw, Buffer.from(qp, 'latin1').toString('utf8'), ...base64Parts].join('\n');
}

async function wholeDatabaseText(): Promise<string> {
  const tables = await rowsOf<{ table_name: string }>(app.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const parts: string[] = [];
  for (const { table_name } of tables) parts.push(...(await rowsOf<{ row: string }>(app.db, sql`select t::text as row from ${sql.identifier(table_name)} t`)).map((r) => r.row));
  return parts.join('\n');
}

beforeAll(async () => {
  process.env.LR_ALLOW_LOOPBACK_TARGETS = 'on';
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
  }
  app = await createTestApp();
  echo = await startEcho();
  owner = await app.signUp('Owner');
  const caller = app.caller(owner);
  const workspace = await caller.workspace.create({ name: 'Canary studio' });
  projectId = (
    await caller.project.create({ workspaceId: workspace.id, name: 'Canary', productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'demo-launch', primaryDomain: 'example.com' })
  ).id;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await echo?.close();
  await app?.close();
});

it('a secret echoed by the target never leaves masked-out of results, errors, logs, alerts or the handover pack', { timeout: 180_000 }, async () => {
  const smtp = await startSmtp();
  const hook = await startWebhookReceiver();
  const slack = await startWebhookReceiver();
  try {
    const caller = app.caller(owner);
    await caller.secrets.set({ projectId, name: 'CANARY_TOKEN', value: CANARY });
    await caller.monitoring.addChannel({ projectId, channel: { kind: 'email', name: 'Founder', email: 'founder@example.test' } });
    await caller.monitoring.addChannel({ projectId, channel: { kind: 'webhook', name: 'Ops hook', url: `${hook.origin}/hook` } });
    // Slack channels only accept hooks.slack.com addresses; the row points at a loopback receiver to capture the payload.
    await app.db.insert(alertChannels).values({ projectId, kind: 'slack', name: '#ops', config: { url: `${slack.origin}/services/T0/B0/X` } });

    const request = { kind: 'http' as const, intervalSeconds: 30, timeoutMs: 5000, failThreshold: 1 };
    const rejected = await caller.monitoring.create({
      projectId,
      name: 'Sign-in API',
      url: `${echo.origin}/login`,
      method: 'POST',
      headers: [
        { name: 'Authorization', value: 'Bearer {{secret.CANARY_TOKEN}}' },
        { name: 'X-Api-Key', value: '{{secret.CANARY_TOKEN}}' },
      ],
      body: '{"token":"{{secret.CANARY_TOKEN}}","note":"prefix {{secret.CANARY_TOKEN}} suffix"}',
      expectedStatus: '200',
      ...request,
    });
    const wrongValue = await caller.monitoring.create({
      projectId,
      name: 'Session API',
      url: `${echo.origin}/json`,
      method: 'POST',
      body: '{"token":"{{secret.CANARY_TOKEN}}"}',
      jsonPath: 'session.token',
      jsonExpected: 'something-else',
      ...request,
    });

    const { checks } = await runDueOnceFor([rejected.id, wrongValue.id]);
    // The target really got the secret (so masking, not a failed send, is what keeps it out).
    expect(checks.map((c) => c.statusCode).sort()).toEqual([200, 401]);
    expect(checks.find((c) => c.statusCode === 401)!.error).toMatch(/^Answered 401; expected status 200\. The answer began: .*invalid token/);
    expect(checks.find((c) => c.statusCode === 200)!.error).toMatch(new RegExp(`^session\\.token is “${MASK}”; expected “something-else”\\.$`));
    for (const check of checks) expect(leaks(JSON.stringify(check))).toEqual([]);

    // Stored: results, the monitors' last errors, incidents.
    const stored = [
      ...(await app.db.select({ e: monitorResults.error }).from(monitorResults)).map((r) => r.e),
      ...(await app.db.select({ e: monitors.lastError }).from(monitors).where(eq(monitors.projectId, projectId))).map((r) => r.e),
      ...(await app.db.select({ e: monitorIncidents.cause }).from(monitorIncidents).where(eq(monitorIncidents.projectId, projectId))).map((r) => r.e),
    ].join('\n');
    expect(stored).toContain(MASK);
    expect(leaks(stored)).toEqual([]);
    const shown = await caller.monitoring.get({ projectId, monitorId: wrongValue.id });
    expect(leaks(JSON.stringify(shown))).toEqual([]);

    // Alerts: email over real SMTP, Slack and the signed webhook.
    const mailer = createMailer({ db: app.db, smtpUrl: smtp.url, from: 'Launch Ready <alerts@launch-ready.local>' });
    await deliverDue(app.db, { mailer, http: network.http });
    expect(smtp.received.length).toBeGreaterThanOrEqual(2);
    const mail = smtp.received.map((m) => decodedMail(m.raw)).join('\n');
    expect(mail).toMatch(/Cause: Answered 401/);
    expect(leaks(mail)).toEqual([]);
    expect(slack.received.length).toBeGreaterThanOrEqual(2);
    expect(hook.received.length).toBeGreaterThanOrEqual(2);
    const payloads = [...slack.received, ...hook.received].map((r) => `${JSON.stringify(r.headers)}\n${r.body}`).join('\n');
    expect(payloads).toContain('Answered 401');
    expect(leaks(payloads)).toEqual([]);

    // The handover pack, as Markdown and as the PDF's text.
    const doc = await buildHandoverDocument(app.db, projectId, { preparedBy: 'Owner' });
    const markdown = renderMarkdown(doc);
    const pdf = pdfText(await renderHandoverPdf(doc));
    expect(markdown).toMatch(/Answered 401/);
    expect(leaks(markdown)).toEqual([]);
    expect(leaks(pdf)).toEqual([]);

    // Logs and every table.
    expect(leaks(logged.join('\n'))).toEqual([]);
    expect(leaks(await wholeDatabaseText())).toEqual([]);
  } finally {
    await smtp.close();
    await hook.close();
    await slack.close();
  }
});

/** Makes these monitors due now and runs one worker pass over them. */
async function runDueOnceFor(ids: string[]) {
  await app.db.update(monitors).set({ nextRunAt: new Date(Date.now() - 100), leaseUntil: null, leaseOwner: null }).where(sql`${monitors.id} in ${ids}`);
  return runDueOnce(app.db, network);
}
