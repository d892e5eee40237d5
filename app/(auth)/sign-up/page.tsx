import type { Metadata } from 'next';
import { SignUpForm } from './sign-up-form';
import { safeNextPath } from '@/app/_lib/safe-next';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return <SignUpForm next={safeNextPath(params.next)} email={typeof params.email === 'string' ? params.email : ''} />;
}
