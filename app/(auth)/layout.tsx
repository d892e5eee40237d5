import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/shell/brand';
import { TrpcProvider } from '@/app/_lib/trpc';

/** Centered card layout for sign-in, sign-up, password and emailed-link pages. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-canvas px-4 py-12">
      <Link href="/" className="mb-8 flex items-center gap-2 text-lg font-semibold tracking-tight text-fg">
        <BrandMark />
        Launch Ready
      </Link>
      <main className="w-full max-w-sm">
        <TrpcProvider>{children}</TrpcProvider>
      </main>
    </div>
  );
}
