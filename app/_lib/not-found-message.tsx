import { ButtonLink } from '@/components/ui/button-link';

type Props = { description?: string; backHref?: string; backLabel?: string };

/** The body of every "page not found": what happened and the way back, inside whatever frame the page has. */
export function NotFoundMessage({
  description = 'This page does not exist, or it belongs to a workspace or project you are not part of.',
  backHref = '/app',
  backLabel = 'Go to your projects',
}: Props) {
  return (
    <div className="flex flex-col items-center gap-4 py-16 text-center">
      <p className="text-sm font-medium text-brand-700">404</p>
      <h1 className="text-2xl font-semibold tracking-tight text-fg">Page not found</h1>
      <p className="max-w-md text-sm text-fg-muted">{description}</p>
      <ButtonLink href={backHref}>{backLabel}</ButtonLink>
    </div>
  );
}
