/** Cover, contents, executive summary and the stage-by-stage status. */
import { Link, Text, View } from '@react-pdf/renderer';
import { SECTIONS, type HandoverDocument } from '../types';
import { STATUS_LABEL, VERDICT_LABEL, cap, coverFacts } from '../words';
import { Bullets, Note, P, Section, statusColor, type PageMap } from './blocks';
import { COLOR, s } from './styles';
import { Table } from './table';

export function Cover({ doc }: { doc: HandoverDocument }) {
  const verdictColor = doc.cover.verdict === 'go' ? COLOR.ok : doc.cover.verdict === 'no-go' ? COLOR.bad : COLOR.warn;
  return (
    <View>
      <Text style={[s.small, { marginTop: 80, marginBottom: 8, letterSpacing: 1 }]}>HANDOVER PACK</Text>
      <Text style={s.h1}>{doc.cover.projectName}</Text>
      <Text style={[s.p, { color: COLOR.muted, fontSize: 11, marginBottom: 24 }]}>Everything needed to run the product from today: how it is set up, how to deploy and roll back, what to watch, and who to call.</Text>
      {coverFacts(doc).map(([label, value]) => (
        <View key={label} style={s.fact}>
          <Text style={s.factLabel}>{label}</Text>
          <Text style={[{ flex: 1 }, label === 'Recommendation' ? { color: verdictColor, fontFamily: 'Helvetica-Bold' } : {}]}>{value}</Text>
        </View>
      ))}
      <Text style={[s.badge, { color: verdictColor }]}>
        {VERDICT_LABEL[doc.cover.verdict]}
        {doc.cover.readinessScore === null ? '' : ` · readiness ${doc.cover.readinessScore}/100`}
      </Text>
      <Text style={[s.small, { marginTop: 4 }]}>{doc.cover.readinessSummary}</Text>
    </View>
  );
}

export function Contents({ pages }: { pages: PageMap }) {
  return (
    <View>
      <Text style={s.h2}>Contents</Text>
      {SECTIONS.map(([id, title], i) => (
        <Link key={id} src={`#${id}`} style={{ textDecoration: 'none', color: COLOR.ink }}>
          <View style={s.tocRow}>
            <Text>{`${i + 1}. ${title}`}</Text>
            <View style={s.tocDots} />
            {/* Resolved after layout, when every section heading has recorded its page. */}
            <Text style={{ width: 24, textAlign: 'right' }} render={() => String(pages[id] ?? '')} />
          </View>
        </Link>
      ))}
    </View>
  );
}

export function Summary({ doc, pages }: { doc: HandoverDocument; pages: PageMap }) {
  return (
    <Section id="summary" pages={pages}>
      {doc.summary.map((line, i) => (
        <P key={i}>{line}</P>
      ))}
      <Table
        columns={[{ header: 'Stage', width: 2, bold: true }, { header: 'Done', width: 1 }, { header: 'Passed', width: 1 }, { header: 'Failing', width: 1 }, { header: 'Open', width: 1 }, { header: 'N/A', width: 1 }]}
        rows={doc.stages.map((st) => [st.label, `${st.progress}%`, String(st.counts.passed), { text: String(st.counts.failed), color: st.counts.failed ? COLOR.bad : COLOR.ink }, String(st.counts.open), String(st.counts.notApplicable)])}
      />
      {doc.cover.verdictReasons.length > 0 ? (
        <View>
          <Text style={s.h3}>Why the recommendation is {VERDICT_LABEL[doc.cover.verdict].toLowerCase()}</Text>
          <Bullets items={doc.cover.verdictReasons} />
        </View>
      ) : null}
    </Section>
  );
}

export function Stages({ doc, pages }: { doc: HandoverDocument; pages: PageMap }) {
  return (
    <Section id="stages" pages={pages}>
      <P muted>Every checklist item, with the evidence that closed it. Items without evidence were ticked without a note or link.</P>
      {doc.stages.map((st) => (
        <View key={st.key}>
          <Text style={s.h3} minPresenceAhead={60}>{`${st.label} — ${st.progress}% done`}</Text>
          <P muted>{st.goal}</P>
          {st.items.length === 0 ? (
            <Note>This stage has no checklist items.</Note>
          ) : (
            <Table
              columns={[{ header: 'Item', width: 3.4 }, { header: 'Severity', width: 0.9 }, { header: 'Status', width: 1 }, { header: 'Owner', width: 1.3 }, { header: 'Evidence', width: 3.4 }]}
              rows={st.items.map((i) => [
                i.title,
                cap(i.severity),
                { text: STATUS_LABEL[i.status], color: statusColor(i.status) },
                i.owner ?? '',
                [...i.evidence, i.notApplicableReason ? `Not applicable: ${i.notApplicableReason}` : '', i.notes ? `Note: ${i.notes}` : ''].filter(Boolean).join('\n'),
              ])}
            />
          )}
        </View>
      ))}
    </Section>
  );
}
