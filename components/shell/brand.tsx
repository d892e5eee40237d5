import { cn } from '@/components/ui/cn';

/** The product mark: a rounded square with a rising check. Decorative; pair with the name. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={cn('size-6 shrink-0', className)}>
      <rect width="24" height="24" rx="6" className="fill-brand-600" />
      <path
        d="M6.5 12.5 10 16l7.5-8.5"
        fill="none"
        stroke="white"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function BrandName({ className }: { className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight whitespace-nowrap text-fg', className)}>
      <BrandMark />
      Launch Ready
    </span>
  );
}
