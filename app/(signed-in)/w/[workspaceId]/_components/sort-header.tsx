import Link from 'next/link';
import { TH } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';

export type SortState<K extends string> = { sort: K; dir: 'asc' | 'desc' };

/**
 * A column header that sorts by following a link (works without JavaScript): the first click
 * uses the column's natural direction, the next one reverses it. aria-sort tells assistive
 * technology which column orders the table and which way.
 */
export function SortHeader<K extends string>({
  column,
  label,
  current,
  naturalDir,
  hrefFor,
  className,
}: {
  column: K;
  label: string;
  current: SortState<K>;
  naturalDir: 'asc' | 'desc';
  hrefFor: (state: SortState<K>) => string;
  className?: string;
}) {
  const active = current.sort === column;
  const next: SortState<K> = { sort: column, dir: active ? (current.dir === 'asc' ? 'desc' : 'asc') : naturalDir };
  return (
    <TH aria-sort={active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={className}>
      <Link href={hrefFor(next)} className={cn('inline-flex items-center gap-1 hover:text-fg', active && 'text-fg')} scroll={false}>
        {label}
        <span aria-hidden="true" className={cn('text-[10px]', !active && 'opacity-40')}>
          {active ? (current.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </TH>
  );
}
