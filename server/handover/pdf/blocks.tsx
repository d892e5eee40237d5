/** Small building blocks: section headings that record their page (for the contents), notes, lists. */
import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { SECTION_TITLE, type ChecklistSignal, type CheckSignal, type Measured, type SectionId } from '../types';
import { CHECK_LABEL, STATUS_LABEL, fmtDateTime } from '../words';
import { COLOR, s } from './styles';
import { Table } from './table';

/** Page numbers of section starts, filled while the PDF is laid out. */
export type PageMap = Partial<Record<SectionId, number>>;

export function Section({ id, pages, children, breakBefore = false }: { id: SectionId; pages: PageMap; children: ReactNode; breakBefore?: boolean }) {
  return (
    <View id={id} break={breakBefore}>
      <View minPresenceAhead={60}>
        <Text
          style={s.h2}
          render={({ pageNumber }) => {
            pages[id] = pageNumber;
            return SECTION_TITLE[id];
          }}
        />
      </View>
      {children}
    </View>
  );
}

export const H3 = ({ children }: { children: ReactNode }) => (
  <Text style={s.h3} minPresenceAhead={40}>
    {children}
  </Text>
);

export const P = ({ children, muted = false }: { children: ReactNode; muted?: boolean }) => <Text style={[s.p, muted ? { color: COLOR.muted } : {}]}>{children}</Text>;

export const Note = ({ children }: { children: ReactNode }) => (
  <View style={s.note} wrap={false}>
    <Text>{children}</Text>
  </View>
);

export function Bullets({ items, marker = '•' }: { items: string[]; marker?: string | ((i: number) => string) }) {
  return (
    <View style={{ marginBottom: 4 }}>
      {items.map((item, i) => (
        <View key={i} style={s.bullet} wrap={false}>
          <Text style={{ width: 16 }}>{typeof marker === 'function' ? marker(i) : marker}</Text>
          <Text style={{ flex: 1 }}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

export const statusColor = (status: string) =>
  ['passed', 'pass', 'up', 'Yes'].includes(status) ? COLOR.ok : ['failed', 'fail', 'down', 'failing'].includes(status) ? COLOR.bad : ['warn', 'degraded', 'in_progress'].includes(status) ? COLOR.warn : COLOR.ink;

export function Checks({ checks }: { checks: Measured<CheckSignal[]> }) {
  if (checks.state === 'not-measured') return <Note>{checks.note}</Note>;
  return (
    <Table
      columns={[{ header: 'Check', width: 1.2, bold: true }, { header: 'Result', width: 1 }, { header: 'Checked', width: 1.4 }, { header: 'Findings', width: 4 }]}
      rows={checks.data.map((c) => [c.check, { text: CHECK_LABEL[c.status], color: statusColor(c.status) }, fmtDateTime(c.checkedAt), c.findings.join(' ') || 'Nothing to fix.'])}
    />
  );
}

export function Checklist({ signals }: { signals: ChecklistSignal[] }) {
  if (signals.length === 0) return null;
  return (
    <View>
      <H3>What the checklist says</H3>
      <Table
        columns={[{ header: 'Item', width: 3.2 }, { header: 'Stage', width: 1.2 }, { header: 'Status', width: 1 }, { header: 'Evidence', width: 3 }]}
        rows={signals.map((x) => [x.title, x.stage, { text: STATUS_LABEL[x.status], color: statusColor(x.status) }, x.evidence.join(' / ')])}
      />
    </View>
  );
}
