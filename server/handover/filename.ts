/** `cohort-club-handover-2026-05-01.pdf`: ASCII only, safe in a Content-Disposition header. */
export function handoverFilename(projectName: string, date: string, format: 'pdf' | 'md'): string {
  const slug =
    projectName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'project';
  return `${slug}-handover-${date}.${format}`;
}
