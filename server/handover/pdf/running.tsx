/** Monitoring with charts, incidents, risks, limitations, improvements, weekly checks, contacts, gaps. */
import { Text, View } from '@react-pdf/renderer';
import type { EntryRow, HandoverDocument } from '../types';
import { RISK_STATE_LABEL, cap, failedOf, fmtDateTime, fmtMs, fmtPercent, orDash } from '../words';
import { Bullets, H3, Note, P, Section, statusColor, type PageMap } from './blocks';
import { DayChart } from './chart';
import { COLOR, s } from './styles';
import { Table } from './table';
import { budgetSentence, missedBudgets, targetCell } from '../budgets';

type Props = { doc: HandoverDocument; pages: PageMap };

export function Monitoring({ doc, pages }: Props) {
  const m = doc.monitoring;
  const fb = m.alerts.fallbackContact;
  return (
    <Section id="monitoring" pages={pages}>
      {m.monitors.state === 'not-measured' ? (
        <Note>{m.monitors.note}</Note>
      ) : (
        <View>
          <Table
            columns={[{ header: 'Monitor', width: 1.3, bold: true }, { header: 'Address', width: 2.4 }, { header: 'State', width: 0.8 }, { header: 'Uptime 7d', width: 0.9 }, { header: 'Failed checks', width: 1 }, { header: 'p95', width: 0.8 }, { header: 'p95 target', width: 1.3 }]}
            rows={m.monitors.data.map((x) => [
              x.name,
              x.url,
              { text: x.state, color: statusColor(x.state) },
              fmtPercent(x.uptimePercent),
              failedOf(x),
              missedBudgets([x]).length > 0 ? { text: fmtMs(x.p95Ms), color: COLOR.bad } : fmtMs(x.p95Ms),
              targetCell(x),
            ])}
          />
          <P>{budgetSentence(m.monitors.data)}</P>
          {m.monitors.data.map((x, i) => (
            <View key={i} wrap={false} style={{ marginTop: 8 }}>
              <Text style={[s.bold, { marginBottom: 3 }]}>{`${x.name}: last 7 days (${x.days[0]?.date ?? ''} to ${x.days.at(-1)?.date ?? ''}, by day of month)`}</Text>
              <View style={{ flexDirection: 'row' }}>
                <DayChart title="Uptime" metric="uptimePercent" days={x.days} value={fmtPercent(x.uptimePercent)} />
                <DayChart title="Error rate" metric="errorRatePercent" days={x.days} value={fmtPercent(x.errorRatePercent)} />
                <DayChart title="p95 latency" metric="p95Ms" days={x.days} value={x.p95TargetMs === null ? fmtMs(x.p95Ms) : `${fmtMs(x.p95Ms)} (dashed: target ${fmtMs(x.p95TargetMs)})`} target={x.p95TargetMs} />
              </View>
            </View>
          ))}
        </View>
      )}
      <H3>Journeys</H3>
      <Table
        columns={[{ header: 'Journey', width: 1.4, bold: true }, { header: 'Kind', width: 0.7 }, { header: 'State', width: 0.8 }, { header: 'Success 7d', width: 1 }, { header: 'Success 24h', width: 1 }, { header: 'Target', width: 2 }]}
        rows={m.journeys.map((j) => [j.name, j.kind, { text: j.state, color: statusColor(j.state) }, `${fmtPercent(j.successPercent7d)} (${j.passed7d} of ${j.runs7d})`, fmtPercent(j.successPercent24h), `${j.target}${j.meetsTarget === false ? ' — missed' : ''}`])}
        empty="No sign-in or API journey set up: nothing measures whether people can sign in."
      />
      <H3>Alert routing</H3>
      <Table
        columns={[{ header: 'Channel', width: 1.5, bold: true }, { header: 'Kind', width: 1 }, { header: 'Sends to', width: 2.5 }]}
        rows={m.alerts.channels.map((c) => [c.name, c.kind, c.destination ?? '(address kept private)'])}
        empty="No alert channels set up."
      />
      <P>
        Fallback email: <Text style={s.bold}>{orDash(m.alerts.fallbackEmail)}</Text>. Fallback contact:{' '}
        <Text style={s.bold}>{fb ? [fb.name, fb.role, fb.email, fb.phone].filter(Boolean).join(', ') : 'none marked'}</Text>.
      </P>
    </Section>
  );
}

export function Incidents({ doc, pages }: Props) {
  const i = doc.incidents;
  return (
    <Section id="incidents" pages={pages}>
      {i.state === 'not-measured' ? (
        <Note>{i.note}</Note>
      ) : i.data.length === 0 ? (
        <P>No incidents in the last 30 days.</P>
      ) : (
        <Table
          columns={[{ header: 'Started', width: 1.4 }, { header: 'Monitor', width: 1.2, bold: true }, { header: 'Duration', width: 0.8 }, { header: 'Cause', width: 2 }, { header: 'Notes', width: 2.2 }]}
          rows={i.data.map((x) => [fmtDateTime(x.startedAt), x.monitor, x.minutes === null ? { text: 'Ongoing', color: COLOR.bad } : `${x.minutes} min`, x.cause, x.notes ?? ''])}
        />
      )}
    </Section>
  );
}

const CHAT_STATUS = { pass: 'Passed', fail: 'Failed', error: 'No answer' } as const;

export function Chatbot({ doc, pages }: Props) {
  const c = doc.chatbot;
  if (c.state === 'not-measured') {
    return (
      <Section id="chatbot" pages={pages}>
        <Note>{c.note}</Note>
      </Section>
    );
  }
  const d = c.data;
  return (
    <Section id="chatbot" pages={pages}>
      <P muted>
        Prompt set version {d.promptSetVersion}, {d.prompts.length} prompts; scheduled re-run: {d.schedule}. Every answer is also checked for the leak canary kept in the bot’s system prompt.
      </P>
      <Table
        columns={[{ header: 'Prompt', width: 1.6, bold: true }, { header: 'Kind', width: 1.3 }, { header: 'Severity', width: 0.8 }, { header: 'The answer must', width: 3 }]}
        rows={d.prompts.map((p) => [p.title, p.kind, p.severity, p.expectations.join('; ')])}
      />
      <P>
        {d.lastRun
          ? `Last run ${fmtDateTime(d.lastRun.at)} (${d.lastRun.by}): ${d.lastRun.passed} of ${d.lastRun.total} passed, ${d.lastRun.failed} failed; p95 complete reply ${d.lastRun.p95TotalMs ?? '—'} ms.`
          : 'Not run yet.'}
      </P>
      {d.lastRun ? (
        <Table
          columns={[{ header: 'Prompt', width: 2.5 }, { header: 'Result', width: 1 }, { header: 'Review', width: 1 }]}
          rows={d.lastRun.results.map((r) => [r.title, r.status === 'fail' ? { text: CHAT_STATUS[r.status], color: COLOR.bad } : CHAT_STATUS[r.status], r.review ?? ''])}
        />
      ) : null}
      {d.accepted.length === 0 ? (
        <P muted>No answer was accepted against its expectations.</P>
      ) : (
        <Table
          columns={[{ header: 'Accepted answer', width: 1.6, bold: true }, { header: 'Why', width: 3 }, { header: 'By', width: 1 }, { header: 'When', width: 1.2 }]}
          rows={d.accepted.map((a) => [a.title, a.reason, a.by, a.at ? fmtDateTime(a.at) : ''])}
        />
      )}
    </Section>
  );
}

export function Risks({ doc, pages }: Props) {
  return (
    <Section id="risks" pages={pages}>
      <P muted>In fix order: revenue and trust first, then onboarding, then operations; most severe and failing first within each.</P>
      <Table
        columns={[{ header: '#', width: 0.4 }, { header: 'Risk', width: 4 }, { header: 'Impact', width: 1.1 }, { header: 'Severity', width: 0.9 }, { header: 'State', width: 1 }, { header: 'Owner', width: 1.2 }, { header: 'Deadline', width: 1 }]}
        rows={doc.risks.map((r) => [
          String(r.rank),
          r.detail ? `${r.title}\n${r.detail}` : r.title,
          cap(r.impact),
          { text: cap(r.severity), color: r.severity === 'critical' ? COLOR.bad : COLOR.ink },
          { text: RISK_STATE_LABEL[r.state], color: r.state === 'failing' ? COLOR.bad : COLOR.ink },
          r.owner ?? '',
          r.deadline ?? '',
        ])}
        empty="No open risks."
      />
    </Section>
  );
}

function Entries({ rows, empty, value = false }: { rows: EntryRow[]; empty: string; value?: boolean }) {
  if (rows.length === 0) return <Note>{empty}</Note>;
  return <Bullets items={rows.map((r) => `${r.title}${value && r.businessValue ? ` (business value ${r.businessValue}/5)` : ''}${r.detail ? ` — ${r.detail.replace(/\n+/g, ' ')}` : ''}`)} marker={(i) => `${i + 1}.`} />;
}

export function Closing({ doc, pages }: Props) {
  return (
    <View>
      <Section id="limitations" pages={pages}>
        <Entries rows={doc.limitations} empty="No known limitations written down yet: add them on the Handover stage." />
      </Section>
      <Section id="improvements" pages={pages}>
        <P muted>Ranked by business value (5 protects revenue or trust, 1 is nice to have).</P>
        <Entries rows={doc.improvements} empty="No improvements listed yet: add them on the Handover stage." value />
      </Section>
      <Section id="weekly" pages={pages}>
        {doc.weeklyChecks.length === 0 ? (
          <Note>No weekly checks yet: add them on the Handover stage.</Note>
        ) : (
          <Bullets items={doc.weeklyChecks.map((w) => `${w.title}${w.detail ? ` — ${w.detail.replace(/\n+/g, ' ')}` : ''}`)} marker="[  ]" />
        )}
      </Section>
      <Section id="contacts" pages={pages}>
        <P muted>Call in this order. The fallback is who to reach when nobody else answers.</P>
        <Table
          columns={[{ header: 'Order', width: 0.9 }, { header: 'Name', width: 1.4, bold: true }, { header: 'Role', width: 1.3 }, { header: 'Email', width: 1.9 }, { header: 'Phone', width: 1.4 }, { header: 'Notes', width: 1.8 }]}
          rows={doc.contacts.map((c) => [c.isFallback ? `${c.order} (fallback)` : String(c.order), c.name, c.role ?? '', c.email ?? '', c.phone ?? '', c.notes ?? ''])}
          empty="No contacts yet: add them on the Handover stage."
        />
      </Section>
      <Section id="gaps" pages={pages}>
        {doc.gaps.length === 0 ? <P>Nothing is missing.</P> : <Bullets items={doc.gaps} />}
        {doc.redactions > 0 ? <Note>{`${doc.redactions} secret-looking values found in notes were hidden from this pack. Rotate any secret that was pasted into free text.`}</Note> : null}
      </Section>
    </View>
  );
}
