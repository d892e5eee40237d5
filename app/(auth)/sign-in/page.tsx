import type { Metadata } from 'next';
import { SignInForm } from './sign-in-form';
import { safeNextPath } from '@/app/_lib/safe-next';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return <SignInForm next={safeNextPath(params.next)} email={typeof params.email === 'string' ? params.email : ''} reset={params.reset === '1'} />;
}
