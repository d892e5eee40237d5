/**
 * The handover pack as a PDF (@react-pdf/renderer, built-in Helvetica, vector charts). Section
 * headings record the page they land on while the document is laid out; the contents read those
 * numbers when page numbers are resolved at the end (as "page X of Y" is), so one pass suffices.
 */
import { Document, Font, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { PageMap } from './pdf/blocks';
import { Cover, Contents, Stages, Summary } from './pdf/front';
import { Domains, Email, EnvVars, Runbook, Secrets, Security, Tls } from './pdf/operations';
import { Closing, Incidents, Monitoring, Risks } from './pdf/running';
import { pdfSafeDeep } from './pdf/safe-text';
import { s } from './pdf/styles';
import type { HandoverDocument } from './types';

// Words are never hyphenated: faster layout, and names and URLs stay whole.
Font.registerHyphenationCallback((word) => [word]);

function Pack({ doc, pages }: { doc: HandoverDocument; pages: PageMap }) {
  return (
    <Document title={`${doc.cover.projectName} — handover pack`} author={doc.cover.preparedBy} subject="Handover pack" creator="Launch Ready" producer="Launch Ready">
      <Page size="A4" style={s.page}>
        <Cover doc={doc} />
      </Page>
      <Page size="A4" style={s.page}>
        <Contents pages={pages} />
        <View break>
          <Summary doc={doc} pages={pages} />
        </View>
        <Stages doc={doc} pages={pages} />
        <Domains doc={doc} pages={pages} />
        <Tls doc={doc} pages={pages} />
        <Email doc={doc} pages={pages} />
        <Security doc={doc} pages={pages} />
        <EnvVars doc={doc} pages={pages} />
        <Secrets doc={doc} pages={pages} />
        <Runbook doc={doc} pages={pages} />
        <Monitoring doc={doc} pages={pages} />
        <Incidents doc={doc} pages={pages} />
        <Risks doc={doc} pages={pages} />
        <Closing doc={doc} pages={pages} />
        <Text style={s.footer} fixed>{`${doc.cover.projectName} · handover pack · ${doc.cover.date}`}</Text>
        {/* Page numbers only render from a `fixed` Text itself, not from a Text inside a fixed View. */}
        <Text style={s.pageNumber} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </Page>
    </Document>
  );
}

export async function renderHandoverPdf(input: HandoverDocument): Promise<Buffer> {
  return renderToBuffer(<Pack doc={pdfSafeDeep(input)} pages={{}} />);
}
