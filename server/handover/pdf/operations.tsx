/** Domains, TLS, email, security, environment variables, secrets and the runbook. */
import { Text, View } from '@react-pdf/renderer';
import type { HandoverDocument } from '../types';
import { PHASE_LABEL, orDash, paragraphs } from '../words';
import { Bullets, Checklist, Checks, H3, Note, P, Section, statusColor, type PageMap } from './blocks';
import { COLOR, s } from './styles';
import { Table } from './table';

type Props = { doc: HandoverDocument; pages: PageMap };

export function Domains({ doc, pages }: Props) {
  const d = doc.domains;
  return (
    <Section id="domains" pages={pages}>
      <P>
        Canonical address: <Text style={s.bold}>{d.canonicalUrl}</Text>. Every other form of the address should redirect there permanently (301 or 308).
      </P>
      <Table columns={[{ header: 'From', width: 1 }, { header: 'Redirects to', width: 1 }]} rows={d.redirects.map((r) => [r.from, r.to])} />
      <P>Subdomains: {d.subdomains.join(', ') || 'none'}</P>
      <Table columns={[{ header: 'Environment', width: 1, bold: true }, { header: 'Address', width: 3 }]} rows={d.environments.map((e) => [e.name, e.url ?? ''])} empty="No environments recorded." />
      <Table columns={[{ header: 'Endpoint', width: 1.5, bold: true }, { header: 'Method', width: 0.7 }, { header: 'Path', width: 3 }]} rows={d.endpoints.map((e) => [e.label, e.method, e.url])} empty="No key endpoints recorded." />
      <H3>Measured</H3>
      <Checks checks={d.checks} />
      <Checklist signals={d.checklist} />
    </Section>
  );
}

export function Tls({ doc, pages }: Props) {
  const c = doc.tls.certificates;
  return (
    <Section id="tls" pages={pages}>
      {c.state === 'not-measured' ? (
        <Note>{c.note}</Note>
      ) : (
        <Table
          columns={[{ header: 'Host', width: 2, bold: true }, { header: 'Expires', width: 1 }, { header: 'Days left', width: 1 }, { header: 'Result', width: 1 }]}
          rows={c.data.map((t) => [t.host, t.expiresOn ?? '', { text: t.daysLeft === null ? '' : String(t.daysLeft), color: t.daysLeft !== null && t.daysLeft < 21 ? COLOR.bad : COLOR.ink }, t.status])}
        />
      )}
      <Checklist signals={doc.tls.checklist} />
    </Section>
  );
}

export function Email({ doc, pages }: Props) {
  const e = doc.emailAuth;
  return (
    <Section id="email" pages={pages}>
      <P>
        Mail-sending domain: <Text style={s.bold}>{orDash(e.mailDomain)}</Text>. DKIM selectors: {e.dkimSelectors.join(', ') || 'none recorded'}.
      </P>
      <Checks checks={e.checks} />
      <Checklist signals={e.checklist} />
    </Section>
  );
}

export function Security({ doc, pages }: Props) {
  return (
    <Section id="security" pages={pages}>
      <Checks checks={doc.security.checks} />
      <Checklist signals={doc.security.checklist} />
    </Section>
  );
}

export function EnvVars({ doc, pages }: Props) {
  return (
    <Section id="env" pages={pages}>
      <P muted>Names only: values are never stored in Launch Ready and never printed here.</P>
      <Table
        columns={[{ header: 'Name', width: 2.9, bold: true }, { header: 'Environments', width: 1.6 }, { header: 'Owner', width: 1.5 }, { header: 'Purpose', width: 2 }, { header: 'Stored in', width: 1.6 }, { header: 'Secret', width: 0.7 }]}
        rows={doc.envVars.map((v) => [v.name, v.environments.join(', '), v.owner ?? '', v.purpose ?? '', v.storedIn ?? { text: 'Not recorded', color: COLOR.bad }, v.isSecret ? 'Yes' : 'No'])}
        empty="The inventory is empty."
      />
    </Section>
  );
}

export function Secrets({ doc, pages }: Props) {
  const x = doc.secrets;
  return (
    <Section id="secrets" pages={pages}>
      <Table columns={[{ header: 'Stored in', width: 1.5, bold: true }, { header: 'Secrets', width: 3 }]} rows={x.locations.map((l) => [l.storedIn, l.names.join(', ')])} empty="No secrets in the inventory." />
      <Table
        columns={[{ header: 'Secret', width: 2, bold: true }, { header: 'Stored in', width: 2 }, { header: 'Last rotated', width: 1.2 }, { header: 'Rotation due', width: 1 }]}
        rows={x.rotation.map((r) => [r.name, r.storedIn ?? 'Not recorded', r.lastRotatedOn ?? 'Never recorded', { text: r.due ? 'Yes' : 'No', color: r.due ? COLOR.warn : COLOR.ok }])}
        empty="Nothing to rotate."
      />
      <H3>How to rotate a secret</H3>
      <Bullets items={x.steps} marker={(i) => `${i + 1}.`} />
    </Section>
  );
}

function Body({ text, missing }: { text: string | null; missing: string }) {
  if (!text) return <Note>{missing}</Note>;
  return (
    <View>
      {paragraphs(text).map((line, i) => (
        <P key={i}>{line}</P>
      ))}
    </View>
  );
}

export function Runbook({ doc, pages }: Props) {
  const r = doc.runbook;
  return (
    <Section id="runbook" pages={pages}>
      <H3>Deployment runbook</H3>
      <Body text={r.deployment} missing="No deployment runbook written yet: write it on the Deployment stage." />
      <H3>Rollback path</H3>
      <Body text={r.rollback} missing="No rollback path written yet: write it on the Deployment stage." />
      <H3>Release checklist</H3>
      <Table
        columns={[{ header: 'Phase', width: 1, bold: true }, { header: 'Step', width: 4 }, { header: 'Done', width: 0.8 }]}
        rows={r.releaseSteps.map((st) => [PHASE_LABEL[st.phase] ?? st.phase, st.title, { text: st.done ? 'Yes' : 'No', color: statusColor(st.done ? 'Yes' : 'No') }])}
        empty="No release steps yet."
      />
      <H3>Incident template</H3>
      <Body text={r.incidentTemplate} missing="No incident template written yet." />
    </Section>
  );
}
