/**
 * GET /api/projects/:projectId/handover?format=pdf|md — the handover pack as a download.
 * Authorized exactly like tRPC reads: the session comes from the request's cookies and the
 * document from the `handoverPack.export` procedure (project:read), so outsiders get 404.
 */
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createCaller } from '@/server/trpc/root';
import { createRequestContext } from '@/server/trpc/request-context';
import { handoverFilename } from '@/server/handover/filename';
import { renderMarkdown } from '@/server/handover/render-markdown';
import { renderHandoverPdf } from '@/server/handover/render-pdf';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const NO_STORE = { 'cache-control': 'no-store' };

export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const format = new URL(request.url).searchParams.get('format') === 'md' ? 'md' : 'pdf';
  const caller = createCaller(await createRequestContext(request.headers));
  let doc;
  try {
    doc = await caller.handoverPack.export({ projectId, format });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    // A malformed id is as unknown as someone else's project.
    const status = error.code === 'BAD_REQUEST' ? 404 : getHTTPStatusCodeFromError(error);
    const message = status === 404 ? 'Project not found.' : error.message;
    return Response.json({ error: message }, { status, headers: NO_STORE });
  }
  const filename = handoverFilename(doc.cover.projectName, doc.cover.date, format);
  const headers = { ...NO_STORE, 'content-disposition': `attachment; filename="${filename}"`, 'x-content-type-options': 'nosniff' };
  if (format === 'md') {
    return new Response(renderMarkdown(doc), { headers: { ...headers, 'content-type': 'text/markdown; charset=utf-8' } });
  }
  const pdf = await renderHandoverPdf(doc);
  return new Response(new Uint8Array(pdf), { headers: { ...headers, 'content-type': 'application/pdf' } });
}
