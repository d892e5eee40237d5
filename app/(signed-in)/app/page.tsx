import { redirect } from 'next/navigation';
import { serverCaller } from '@/server/trpc/server-caller';
import { loadOrNotFound } from '@/app/_lib/guard';

/** /app picks where a signed-in person belongs: their first workspace, their shared projects, or onboarding. */
export default async function AppHome() {
  const home = await loadOrNotFound((await serverCaller()).me.home());
  if (home.workspaces[0]) redirect(`/w/${home.workspaces[0].id}`);
  if (home.shared.length > 0) redirect('/shared');
  redirect('/app/new-workspace');
}
