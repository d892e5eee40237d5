import Link from 'next/link';
import { TH } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';

export type SortState<K extends string> = { sort: K; dir: 'asc' | 'desc' };

/** What a sortable column's header needs: where its link goes and how the table is ordered now. */
export type SortLink = { href: string; order: 'ascending' | 'descending' | 'none' };

/** The link for a column: the first click uses its natural direction, the next one reverses it. */
export function sortLink<K extends string>(column: K, current: SortState<K>, naturalDir: 'asc' | 'desc', hrefFor: (state: SortState<K>) => string): SortLink {
  const active = current.sort === column;
  const next: SortState<K> = { sort: column, dir: active ? (current.dir === 'asc' ? 'desc' : 'asc') : naturalDir };
  return { href: hrefFor(next), order: active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none' };
}

/**
 * A column header that sorts by following a link (works without JavaScript). aria-sort tells
 * assistive technology which column orders the table and which way.
 */
export function SortHeader({ label, link, className }: { label: string; link: SortLink; className?: string }) {
  const active = link.order !== 'none';
  return (
    <TH aria-sort={link.order} className={className}>
      <Link href={link.href} className={cn('inline-flex items-center gap-1 hover:text-fg', active && 'text-fg')} scroll={false}>
        {label}
        <span aria-hidden="true" className={cn('text-[10px]', !active && 'opacity-40')}>
          {link.order === 'ascending' ? '▲' : link.order === 'descending' ? '▼' : '↕'}
        </span>
      </Link>
    </TH>
  );
}
