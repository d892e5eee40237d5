import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Launch Ready', template: '%s · Launch Ready' },
  description:
    'Take a web product from “works on my machine” to “safe to put paying users on”: a seven-stage roadmap, automated checks with evidence, uptime monitors and a handover pack.',
  applicationName: 'Launch Ready',
};

export const viewport: Viewport = {
  themeColor: '#fafafb',
  colorScheme: 'light',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so Next.js can put this response's CSP nonce
  // (proxy.ts) on its scripts; a prerendered page would carry none and not run.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-canvas font-sans text-fg antialiased">
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
