/**
 * The better-auth instance: email + password accounts, email verification, password reset
 * (which signs the user out everywhere), and rate limits kept in the database so every web
 * process shares the same counters.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '@/db/types';
import { account, rateLimit, session, user, verification } from '@/db/schema';
import type { Mailer } from '@/server/mail/mailer';
import { existingAccountSignUpEmail, passwordResetEmail, verificationEmail } from '@/server/mail/templates';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';

export type AuthOptions = {
  db: Database;
  mailer: Mailer;
  secret: string;
  appUrl: string;
  rateLimit: { window: number; max: number };
};

// Paths that guess or spray credentials get the strict per-IP limit.
const CREDENTIAL_PATHS = ['/sign-in/email', '/sign-up/email', '/request-password-reset', '/reset-password', '/change-password', '/send-verification-email'];

export function createAuth(options: AuthOptions) {
  const strict = { window: options.rateLimit.window, max: options.rateLimit.max };
  return betterAuth({
    appName: 'Launch Ready',
    baseURL: options.appUrl,
    secret: options.secret,
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: { user, session, account, verification, rateLimit },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      // Signing in before verifying is allowed; anything that trusts the address
      // (accepting invitations) proves it with the emailed token instead.
      requireEmailVerification: false,
      // Sign-up answers the same whether or not the address has an account (no enumeration):
      // no session straight away; the confirmation email's link signs the new user in, and the
      // owner of an existing account is told someone tried.
      autoSignIn: false,
      onExistingUserSignUp: async ({ user: existing }) => {
        await options.mailer.send(existingAccountSignUpEmail(existing.email, `${options.appUrl}/sign-in`));
      },
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user: target, url }) => {
        await options.mailer.send(passwordResetEmail(target.email, url));
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user: target, url }) => {
        await options.mailer.send(verificationEmail(target.email, url));
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 120,
      customRules: Object.fromEntries(CREDENTIAL_PATHS.map((path) => [path, strict])),
    },
    advanced: {
      // Only the address our auth route resolved from the connection (server/http/client-address.ts);
      // never X-Forwarded-For as the client sent it.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: options.appUrl.startsWith('https://'),
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
