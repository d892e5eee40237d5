/**
 * Where a check run is shown: its own page inside the project, so the project's access rules
 * apply (a client sees it only on a project shared with them). Evidence stored before the page
 * existed points at `/check-runs/<run>#<check>`; it is read as the project's page.
 */
const LEGACY = /^\/check-runs\/([0-9A-Za-z-]+)(#[0-9A-Za-z._-]+)?$/;

export function checkRunPath(projectId: string, runId: string, checkId?: string): string {
  return `/p/${projectId}/check-runs/${runId}${checkId ? `#${checkId}` : ''}`;
}

/** An evidence link as the app serves it today: legacy run links are moved under their project. */
export function evidenceHref(projectId: string, url: string | null): string | null {
  if (!url) return null;
  const legacy = LEGACY.exec(url);
  return legacy ? `${checkRunPath(projectId, legacy[1]!)}${legacy[2] ?? ''}` : url;
}

/** For documents read outside the app (PDF, Markdown): app paths become full addresses on the app's public URL. */
export function absoluteEvidenceUrl(projectId: string, url: string | null, appUrl: string | undefined): string | null {
  const href = evidenceHref(projectId, url);
  if (!href?.startsWith('/') || href.startsWith('//') || !appUrl) return href;
  return `${appUrl.replace(/\/+$/, '')}${href}`;
}
