/**
 * The handover pack as a PDF (@react-pdf/renderer, built-in Helvetica, vector charts). Section
 * headings record the page they land on while the document is laid out; the contents read those
 * numbers when page numbers are resolved at the end (as "page X of Y" is), so one pass suffices.
 */
import { Document, Font, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { PageMap } from './pdf/blocks';
import { Cover, Contents, Stages, Summary } from './pdf/front';
import { Domains, Email, EnvVars, Runbook, Secrets, Security, Tls } from './pdf/operations';
import { Chatbot, Closing, Incidents, Monitoring, Risks } from './pdf/running';
import { pdfSafeDeep } from './pdf/safe-text';
import { s } from './pdf/styles';
import type { HandoverDocument } from './types';

// Words are never hyphenated: faster layout, and names and URLs stay whole.
Font.registerHyphenationCallback((word) => [word]);

/** The footer every page after the cover carries: project, date, page X of Y. */
function Footer({ doc }: { doc: HandoverDocument }) {
  return (
    <>
      <Text style={s.footer} fixed>{`${doc.cover.projectName} · handover pack · ${doc.cover.date}`}</Text>
      {/* Page numbers only render from a `fixed` Text itself, not from a Text inside a fixed View. */}
      <Text style={s.pageNumber} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </>
  );
}

/**
 * Each group of sections is its own <Page>: react-pdf lays out again what remains of a page's
 * content at every page break, so shorter flows keep rendering time well under a second.
 */
function Pack({ doc, pages }: { doc: HandoverDocument; pages: PageMap }) {
  const groups: ReactNode[] = [
    <Contents key="contents" pages={pages} />,
    <Summary key="summary" doc={doc} pages={pages} />,
    <Stages key="stages" doc={doc} pages={pages} />,
    <>
      <Domains doc={doc} pages={pages} />
      <Tls doc={doc} pages={pages} />
      <Email doc={doc} pages={pages} />
      <Security doc={doc} pages={pages} />
    </>,
    <>
      <EnvVars doc={doc} pages={pages} />
      <Secrets doc={doc} pages={pages} />
      <Runbook doc={doc} pages={pages} />
    </>,
    <>
      <Monitoring doc={doc} pages={pages} />
      <Incidents doc={doc} pages={pages} />
      <Chatbot doc={doc} pages={pages} />
    </>,
    <>
      <Risks doc={doc} pages={pages} />
      <Closing doc={doc} pages={pages} />
    </>,
  ];
  return (
    <Document title={`${doc.cover.projectName} — handover pack`} author={doc.cover.preparedBy} subject="Handover pack" creator="Launch Ready" producer="Launch Ready">
      <Page size="A4" style={s.page}>
        <Cover doc={doc} />
      </Page>
      {groups.map((group, i) => (
        <Page key={i} size="A4" style={s.page}>
          {group}
          <Footer doc={doc} />
        </Page>
      ))}
    </Document>
  );
}

export async function renderHandoverPdf(input: HandoverDocument): Promise<Buffer> {
  return renderToBuffer(<Pack doc={pdfSafeDeep(input)} pages={{}} />);
}
