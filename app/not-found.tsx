import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-canvas px-4 text-center">
      <p className="text-sm font-medium text-brand-700">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-md text-sm text-fg-muted">
        This page does not exist, or it belongs to a workspace you are not part of.
      </p>
      <div className="flex gap-2">
        <ButtonLink href="/app">Go to your workspaces</ButtonLink>
        <Link href="/" className="self-center text-sm text-brand-700 hover:underline">
          Home
        </Link>
      </div>
    </main>
  );
}
