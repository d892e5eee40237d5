/**
 * The handover pack as Markdown: the same sections and facts as the PDF. Every value from the
 * database goes through `t` (mdText), so what people typed is shown as text by any viewer.
 */
import { SECTION_TITLE, type ChecklistSignal, type CheckSignal, type HandoverDocument, type Measured, type SectionId } from './types';
import { mdText as t } from './markdown-text';
import { budgetSentence, targetCell } from './budgets';
import { CHECK_LABEL, PHASE_LABEL, RISK_STATE_LABEL, STATUS_LABEL, cap, coverFacts, failedOf, fmtDateTime, fmtMs, fmtPercent, orDash, paragraphs } from './words';

/** Table cells: mdText keeps pipes, line breaks and markup inside the cell. */
const cell = (s: string | null | undefined) => t(orDash(s));

function table(head: string[], rows: (string | null)[][]): string {
  if (rows.length === 0) return '_None recorded._';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

const heading = (id: SectionId) => `## ${SECTION_TITLE[id]}`;
const notMeasured = (m: Measured<unknown>) => (m.state === 'not-measured' ? `> ${t(m.note)}` : '');

function checks(m: Measured<CheckSignal[]>): string {
  if (m.state === 'not-measured') return notMeasured(m);
  return table(['Check', 'Result', 'Checked', 'Findings'], m.data.map((c) => [c.check, CHECK_LABEL[c.status], fmtDateTime(c.checkedAt), c.findings.join(' ') || 'Nothing to fix.']));
}

function checklist(signals: ChecklistSignal[]): string {
  if (signals.length === 0) return '';
  return `**What the checklist says**\n\n${table(['Item', 'Stage', 'Status', 'Evidence'], signals.map((s) => [s.title, s.stage, STATUS_LABEL[s.status], s.evidence.join(' / ')]))}`;
}

const entries = (rows: HandoverDocument['limitations'], empty: string, value = false) =>
  rows.length === 0 ? `_${empty}_` : rows.map((r, i) => `${i + 1}. **${t(r.title)}**${value && r.businessValue ? ` (business value ${r.businessValue}/5)` : ''}${r.detail ? ` — ${t(r.detail)}` : ''}`).join('\n');

/** Free text written as paragraphs: each line its own paragraph, escaped as the start of a line. */
const prose = (text: string) => paragraphs(text).map((line) => t(line, { startsLine: true })).join('\n\n');

const doc2 = (title: string, body: string | null, missing: string) => `### ${title}\n\n${body ? prose(body) : `_${missing}_`}`;

export function renderMarkdown(doc: HandoverDocument): string {
  const out: string[] = [];
  const c = doc.cover;
  out.push(`# Handover pack: ${t(c.projectName)}`, table(['', ''], coverFacts(doc)));
  out.push('## Contents', Object.values(SECTION_TITLE).map((title, i) => `${i + 1}. ${title}`).join('\n'));

  out.push(heading('summary'), doc.summary.map((line) => t(line, { startsLine: true })).join('\n\n'));

  out.push(heading('stages'));
  for (const s of doc.stages) {
    out.push(
      `### ${t(s.label)} — ${s.progress}% done`,
      `${prose(s.goal)}\n\n${s.counts.passed} passed, ${s.counts.failed} failing, ${s.counts.open} open, ${s.counts.notApplicable} not applicable.`,
      table(
        ['Item', 'Severity', 'Status', 'Owner', 'Evidence'],
        s.items.map((i) => [
          i.title,
          cap(i.severity),
          STATUS_LABEL[i.status],
          i.owner,
          [...i.evidence, i.notApplicableReason ? `Not applicable: ${i.notApplicableReason}` : '', i.notes ? `Note: ${i.notes}` : ''].filter(Boolean).join(' / '),
        ]),
      ),
    );
  }

  const d = doc.domains;
  out.push(
    heading('domains'),
    `Canonical address: **${t(d.canonicalUrl)}**. Everything else should redirect there permanently (301 or 308).`,
    table(['From', 'Redirects to'], d.redirects.map((r) => [r.from, r.to])),
    `**Subdomains:** ${t(d.subdomains.join(', ')) || 'none'}`,
    table(['Environment', 'Address'], d.environments.map((e) => [e.name, e.url])),
    table(['Endpoint', 'Method', 'Path'], d.endpoints.map((e) => [e.label, e.method, e.url])),
    checks(d.checks),
    checklist(d.checklist),
  );

  out.push(heading('tls'));
  out.push(doc.tls.certificates.state === 'measured' ? table(['Host', 'Expires', 'Days left', 'Result'], doc.tls.certificates.data.map((t) => [t.host, t.expiresOn, t.daysLeft === null ? null : String(t.daysLeft), t.status])) : notMeasured(doc.tls.certificates), checklist(doc.tls.checklist));

  const e = doc.emailAuth;
  out.push(heading('email'), `Mail-sending domain: **${t(orDash(e.mailDomain))}**. DKIM selectors: ${t(e.dkimSelectors.join(', ')) || 'none recorded'}.`, checks(e.checks), checklist(e.checklist));

  out.push(heading('security'), checks(doc.security.checks), checklist(doc.security.checklist));

  out.push(
    heading('env'),
    'Names only: values are never stored in Launch Ready and never printed here.',
    table(['Name', 'Environments', 'Owner', 'Purpose', 'Stored in', 'Secret'], doc.envVars.map((v) => [v.name, v.environments.join(', '), v.owner, v.purpose, v.storedIn, v.isSecret ? 'Yes' : 'No'])),
  );

  const s = doc.secrets;
  out.push(
    heading('secrets'),
    table(['Stored in', 'Secrets'], s.locations.map((l) => [l.storedIn, l.names.join(', ')])),
    table(['Secret', 'Stored in', 'Last rotated', 'Rotation due'], s.rotation.map((r) => [r.name, r.storedIn, r.lastRotatedOn ?? 'Never recorded', r.due ? 'Yes' : 'No'])),
    `**How to rotate a secret**\n\n${s.steps.map((step, i) => `${i + 1}. ${t(step)}`).join('\n')}`,
  );

  const r = doc.runbook;
  out.push(
    heading('runbook'),
    doc2('Deployment runbook', r.deployment, 'No deployment runbook written yet.'),
    doc2('Rollback path', r.rollback, 'No rollback path written yet.'),
    `### Release checklist\n\n${r.releaseSteps.length === 0 ? '_No release steps yet._' : r.releaseSteps.map((st) => `- [${st.done ? 'x' : ' '}] ${PHASE_LABEL[st.phase] ?? t(st.phase)}: ${t(st.title)}`).join('\n')}`,
    doc2('Incident template', r.incidentTemplate, 'No incident template written yet.'),
  );

  const m = doc.monitoring;
  out.push(heading('monitoring'));
  if (m.monitors.state === 'not-measured') out.push(notMeasured(m.monitors));
  else {
    out.push(
      table(['Monitor', 'Address', 'State', 'Uptime (7 days)', 'Failed checks', 'p95', 'p95 target'], m.monitors.data.map((x) => [x.name, x.url, x.state, fmtPercent(x.uptimePercent), failedOf(x), fmtMs(x.p95Ms), targetCell(x)])),
      t(budgetSentence(m.monitors.data), { startsLine: true }),
    );
    for (const x of m.monitors.data) {
      out.push(`**${t(x.name)}, day by day**`, table(['Day', 'Uptime', 'Error rate', 'p95'], x.days.map((p) => [p.date, fmtPercent(p.uptimePercent), fmtPercent(p.errorRatePercent), fmtMs(p.p95Ms)])));
    }
  }
  out.push(
    '### Journeys',
    m.journeys.length === 0
      ? '_No sign-in or API journey set up: nothing measures whether people can sign in._'
      : table(
          ['Journey', 'Kind', 'State', 'Success (7 days)', 'Runs passed', 'Success (24 h)', 'Target', 'Last failure'],
          m.journeys.map((j) => [j.name, j.kind, j.state, fmtPercent(j.successPercent7d), `${j.passed7d} of ${j.runs7d}`, fmtPercent(j.successPercent24h), `${j.target}${j.meetsTarget === false ? ' — missed' : ''}`, orDash(j.lastFailure)]),
        ),
  );
  const fb = m.alerts.fallbackContact;
  out.push(
    '### Alert routing',
    table(['Channel', 'Kind', 'Sends to'], m.alerts.channels.map((ch) => [ch.name, ch.kind, ch.destination ?? '(address kept private)'])),
    `Fallback email: ${t(orDash(m.alerts.fallbackEmail))}. Fallback contact: ${fb ? t([fb.name, fb.role, fb.email, fb.phone].filter(Boolean).join(', ')) : 'none marked'}.`,
  );

  out.push(heading('incidents'));
  out.push(doc.incidents.state === 'not-measured' ? notMeasured(doc.incidents) : doc.incidents.data.length === 0 ? 'No incidents in the last 30 days.' : table(['Started', 'Monitor', 'Duration', 'Cause', 'Notes'], doc.incidents.data.map((i) => [fmtDateTime(i.startedAt), i.monitor, i.minutes === null ? 'Ongoing' : `${i.minutes} min`, i.cause, i.notes])));

  out.push(heading('chatbot'));
  if (doc.chatbot.state === 'not-measured') out.push(notMeasured(doc.chatbot));
  else {
    const c = doc.chatbot.data;
    const STATUS = { pass: 'Passed', fail: 'Failed', error: 'No answer' } as const;
    out.push(
      `Prompt set version ${c.promptSetVersion}, ${c.prompts.length} prompts; scheduled re-run: ${t(c.schedule)}. Every answer is also checked for the leak canary kept in the bot's system prompt.`,
      table(['Prompt', 'Kind', 'Severity', 'The answer must'], c.prompts.map((p) => [p.title, p.kind, cap(p.severity), p.expectations.join('; ')])),
      c.lastRun
        ? `Last run ${fmtDateTime(c.lastRun.at)} (${t(c.lastRun.by)}): ${c.lastRun.passed} of ${c.lastRun.total} passed, ${c.lastRun.failed} failed; p95 complete reply ${c.lastRun.p95TotalMs ?? '—'} ms.`
        : 'Not run yet.',
      ...(c.lastRun ? [table(['Prompt', 'Result', 'Review'], c.lastRun.results.map((r) => [r.title, STATUS[r.status], r.review ? cap(r.review) : null]))] : []),
      c.accepted.length === 0 ? 'No answer was accepted against its expectations.' : table(['Accepted answer', 'Why', 'By', 'When'], c.accepted.map((a) => [a.title, a.reason, a.by, a.at ? fmtDateTime(a.at) : null])),
    );
  }

  out.push(
    heading('risks'),
    'In fix order: revenue and trust first, then onboarding, then operations.',
    table(['#', 'Risk', 'Impact', 'Severity', 'State', 'Owner', 'Deadline'], doc.risks.map((k) => [String(k.rank), k.detail ? `${k.title} — ${k.detail}` : k.title, cap(k.impact), cap(k.severity), RISK_STATE_LABEL[k.state], k.owner, k.deadline])),
  );

  out.push(heading('limitations'), entries(doc.limitations, 'No known limitations written down yet.'));
  out.push(heading('improvements'), entries(doc.improvements, 'No improvements listed yet.', true));
  out.push(heading('weekly'), doc.weeklyChecks.length === 0 ? '_No weekly checks yet._' : doc.weeklyChecks.map((w) => `- [ ] **${t(w.title)}**${w.detail ? ` — ${t(w.detail)}` : ''}`).join('\n'));
  out.push(
    heading('contacts'),
    'Call in this order; the fallback is who to reach when nobody else answers.',
    table(['Order', 'Name', 'Role', 'Email', 'Phone', 'Notes'], doc.contacts.map((k) => [k.isFallback ? `${k.order} (fallback)` : String(k.order), k.name, k.role, k.email, k.phone, k.notes])),
  );
  out.push(heading('gaps'), doc.gaps.length === 0 ? 'Nothing is missing.' : doc.gaps.map((g) => `- ${t(g)}`).join('\n'));
  if (doc.redactions > 0) out.push(`_${doc.redactions} secret-looking values found in notes were hidden from this pack. Rotate any secret that was pasted into free text._`);
  out.push(`_Prepared with Launch Ready on ${t(c.date)}._`);
  return `${out.filter(Boolean).join('\n\n')}\n`;
}
