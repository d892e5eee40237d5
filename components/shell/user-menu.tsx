'use client';

import { useState } from 'react';
import { Dropdown, DropdownButton, DropdownLink, DropdownSeparator } from '@/components/ui/dropdown';
import { Spinner } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import type { ShellUser } from './types';

export type UserMenuProps = {
  user: ShellUser;
  /**
   * Signs the user out. Defaults to POST /api/auth/sign-out. May be a server action;
   * it should not redirect, since the menu navigates to "/" once it resolves.
   */
  onSignOut?: () => void | Promise<void>;
};

async function signOutViaApi(): Promise<void> {
  const response = await fetch('/api/auth/sign-out', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`Sign-out failed with HTTP ${response.status}`);
}

function initialsOf(user: ShellUser): string {
  const source = user.name.trim() || user.email;
  const words = source.split(/[\s@._-]+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : source.slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ user, onSignOut }: UserMenuProps) {
  const [signingOut, setSigningOut] = useState(false);
  const toast = useToast();

  async function signOut() {
    if (signingOut) return;
    setSigningOut(true);
    try {
      await (onSignOut ?? signOutViaApi)();
      // A full page load, not router.push: it drops the client router cache, so no signed-in
      // page can be shown again from memory after sign-out.
      window.location.assign('/');
    } catch {
      setSigningOut(false);
      toast.error('Could not sign out', 'Check your connection and try again.');
    }
  }

  return (
    <Dropdown
      align="end"
      triggerClassName="h-9 px-1 sm:pr-2.5"
      trigger={
        // Named by its text, so what is read out contains what is seen: "Account menu for Dana Okafor".
        <>
          <span
            aria-hidden="true"
            className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
          >
            {initialsOf(user)}
          </span>
          <span className="sr-only">Account menu for </span>
          <span className="sr-only max-w-[10rem] truncate md:not-sr-only md:block">{user.name || user.email}</span>
        </>
      }
    >
      <div className="grid px-2.5 py-2">
        <span className="truncate text-sm font-medium text-fg">{user.name}</span>
        <span className="truncate text-xs text-fg-muted">{user.email}</span>
      </div>
      <DropdownSeparator />
      <DropdownLink href="/account">Account</DropdownLink>
      <DropdownSeparator />
      <DropdownButton onClick={signOut} aria-disabled={signingOut || undefined} aria-busy={signingOut || undefined}>
        {signingOut ? <Spinner size="sm" /> : null}
        {signingOut ? 'Signing out…' : 'Sign out'}
      </DropdownButton>
    </Dropdown>
  );
}
