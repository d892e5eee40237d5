import Link from 'next/link';
import { cn } from './cn';

/**
 * Page links under a long list: previous, each page, next. Plain links, so they work without
 * JavaScript; the current page is marked for assistive technology.
 */
export function Pagination({ page, pages, hrefFor, label, className }: { page: number; pages: number; hrefFor: (page: number) => string; label: string; className?: string }) {
  if (pages <= 1) return null;
  const link = 'rounded-control border border-border px-3 py-1 text-sm hover:text-fg';
  return (
    <nav aria-label={label} className={cn('flex flex-wrap items-center gap-2', className)}>
      {page > 1 ? (
        <Link className={cn(link, 'text-brand-700')} href={hrefFor(page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
        <Link
          key={n}
          href={hrefFor(n)}
          aria-current={n === page ? 'page' : undefined}
          aria-label={`Page ${n}`}
          className={cn(link, 'tabular-nums', n === page ? 'border-brand-300 bg-brand-50 font-medium text-brand-800' : 'text-fg-muted')}
        >
          {n}
        </Link>
      ))}
      {page < pages ? (
        <Link className={cn(link, 'text-brand-700')} href={hrefFor(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
