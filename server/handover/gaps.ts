/** What makes a pack incomplete, each in plain words with where to fix it. */
import type { HandoverDocument } from './types';

type Draft = Omit<HandoverDocument, 'gaps' | 'summary' | 'redactions'>;

export function findGaps(doc: Draft): string[] {
  const gaps: string[] = [];
  const add = (when: boolean, text: string) => {
    if (when) gaps.push(text);
  };
  const open = doc.stages.flatMap((s) => s.items.filter((i) => i.status !== 'passed' && i.status !== 'not_applicable').map(() => s.label));
  add(open.length > 0, `${open.length} checklist items are not closed yet: finish or mark them not applicable on their stage pages.`);
  const noEvidence = doc.stages.reduce((n, s) => n + s.items.filter((i) => i.status === 'passed' && i.evidence.length === 0).length, 0);
  add(noEvidence > 0, `${noEvidence} passed items have no evidence attached: add a note or link on their stage pages so the next person can trust them.`);
  add(doc.cover.decision === null, 'No go / no-go decision has been recorded: record one on the Go / no-go page.');
  add(doc.domains.checks.state === 'not-measured', 'Domains and redirects: not measured yet. Run the checks on the Routing & edge stage.');
  add(doc.tls.certificates.state === 'not-measured', 'TLS certificates: expiry dates not measured yet. Run the TLS check on the Routing & edge stage.');
  add(doc.emailAuth.mailDomain === null, 'No mail-sending domain is set: add it in the project settings.');
  add(doc.emailAuth.checks.state === 'not-measured', 'Email authentication: not measured yet. Run the SPF, DKIM and DMARC checks on the Perimeter stage.');
  add(doc.security.checks.state === 'not-measured', 'Security baseline: not scanned yet. Run the checks on the Perimeter stage.');
  add(doc.envVars.length === 0, 'The environment-variable inventory is empty: list every variable (names only) on the Deployment stage.');
  const unplaced = doc.envVars.filter((v) => v.isSecret && !v.storedIn).map((v) => v.name);
  add(unplaced.length > 0, `Where these secrets are stored is not recorded: ${unplaced.join(', ')}. Fill it in on the Deployment stage.`);
  const unowned = doc.envVars.filter((v) => !v.owner).map((v) => v.name);
  add(unowned.length > 0, `These variables have no owner: ${unowned.join(', ')}. Assign one on the Deployment stage.`);
  const due = doc.secrets.rotation.filter((r) => r.due).map((r) => r.name);
  add(due.length > 0, `These secrets have no recent rotation date: ${due.join(', ')}. Rotate them and record the date on the Deployment stage.`);
  add(doc.runbook.deployment === null, 'There is no deployment runbook: write it on the Deployment stage.');
  add(doc.runbook.rollback === null, 'There is no rollback path: write it on the Deployment stage.');
  add(doc.runbook.releaseSteps.length === 0, 'The release checklist is empty: add build, migrate, verify and rollback steps on the Deployment stage.');
  add(doc.monitoring.monitors.state === 'not-measured', 'Monitors: not measured yet. Set up uptime monitors on the Observability stage.');
  add(
    doc.monitoring.alerts.channels.length === 0 && doc.monitoring.alerts.fallbackEmail === null,
    'Alerts go nowhere: add an alert channel or a fallback email on the Observability stage.',
  );
  add(doc.incidents.state === 'not-measured', 'Incidents: none can be recorded until monitors run (Observability stage).');
  add(doc.contacts.length === 0, 'No contacts: add who to call, in order, on the Handover stage.');
  add(doc.contacts.length > 0 && !doc.contacts.some((c) => c.isFallback), 'No fallback contact: mark one contact as the fallback on the Handover stage.');
  add(doc.limitations.length === 0, 'No known limitations are written down: add them on the Handover stage.');
  add(doc.improvements.length === 0, 'No next-step improvements are listed: add them, ranked by business value, on the Handover stage.');
  add(doc.weeklyChecks.length === 0, 'There is no weekly operating checklist: add the checks on the Handover stage.');
  return gaps;
}
