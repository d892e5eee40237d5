import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-styles';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { SECTIONS } from '@/server/handover/types';
import { coverFacts } from '@/server/handover/words';

export const metadata: Metadata = { title: 'Handover pack' };

const VERDICT_TONE: Record<string, BadgeTone> = { go: 'success', 'no-go': 'danger', 'not-yet': 'warning' };

export default async function HandoverPackPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { document: doc, markdown } = await loadOrNotFound((await serverCaller()).handoverPack.preview({ projectId }));
  const href = (format: 'pdf' | 'md') => `/api/projects/${encodeURIComponent(projectId)}/handover?format=${format}`;

  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader
        title="Handover pack"
        description="Everything the founder needs to run the product: setup, secrets and where they live, deploy and rollback, monitoring, risks and who to call. Downloads are recorded in the activity log."
        actions={
          <div className="flex flex-wrap gap-2">
            {/* Plain links: the browser downloads the file the route answers with. */}
            <a href={href('pdf')} download className={buttonClasses({ variant: 'primary' })}>
              Download PDF
            </a>
            <a href={href('md')} download className={buttonClasses({ variant: 'secondary' })}>
              Download Markdown
            </a>
          </div>
        }
      />

      {doc.gaps.length > 0 ? (
        <Alert tone="warning" title={`${doc.gaps.length} ${doc.gaps.length === 1 ? 'gap makes' : 'gaps make'} this pack incomplete`}>
          <ul className="mt-1 grid list-disc gap-1 pl-5" aria-label="Gaps">
            {doc.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="success" title="This pack is complete">
          Every section is filled from measured data or written records.
        </Alert>
      )}

      <Card>
        <CardHeader actions={<Badge tone={VERDICT_TONE[doc.cover.verdict] ?? 'neutral'}>{coverFacts(doc).find(([k]) => k === 'Recommendation')?.[1]}</Badge>}>
          <CardTitle>Preview</CardTitle>
          <CardDescription>The cover and executive summary, as they appear in the PDF.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            {coverFacts(doc).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-fg-muted">{label}</dt>
                <dd className="text-fg">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="grid gap-2 text-sm text-fg">
            {doc.summary.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div>
            <h3 className="mb-1 text-sm font-medium text-fg">Sections</h3>
            <ol className="list-decimal pl-5 text-sm text-fg-muted sm:columns-2">
              {SECTIONS.map(([id, title]) => (
                <li key={id}>{title}</li>
              ))}
            </ol>
          </div>
          <details className="rounded-md border border-border">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-fg">Full text (Markdown)</summary>
            <pre tabIndex={0} className="max-h-[32rem] overflow-auto border-t border-border bg-surface-sunken p-3 text-xs whitespace-pre-wrap text-fg">{markdown}</pre>
          </details>
        </CardContent>
      </Card>
    </div>
  );
}
