import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token, error } = await searchParams;
  if (!token || error) {
    return (
      <Alert tone="danger" title="This reset link cannot be used">
        It may have expired or been used already.{' '}
        <Link className="underline" href="/forgot-password">
          Ask for a new link
        </Link>
        .
      </Alert>
    );
  }
  return <ResetPasswordForm token={token} />;
}
