import { defineConfig } from '@playwright/test';
import path from 'node:path';

// One fresh embedded database per run; the server is the production build (`next build` + `next start`),
// whose automated checks ask only a loopback DNS server with fixture zones (e2e/serve-with-testnet.ts).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
process.env.LR_E2E_DATA_DIR ??= path.join('.data', `e2e-${Date.now()}`);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      // Browsers cannot be downloaded here: Debian's Chromium, with its background traffic off.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npm run build && npx tsx e2e/serve-with-testnet.ts`,
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      LR_DATA_DIR: process.env.LR_E2E_DATA_DIR,
      BETTER_AUTH_URL: BASE_URL,
      DATABASE_URL: '',
      SMTP_URL: '',
      // The browser suite signs in many times from one address; the limit itself is covered by integration tests.
      AUTH_RATE_LIMIT_MAX: '500',
      // As if a reverse proxy on this machine forwarded requests: a spec sends X-Forwarded-For to
      // stand for a visitor on another machine (e2e/security.spec.ts).
      LR_TRUSTED_PROXIES: '127.0.0.1',
      // The chatbot spec's fake bot listens on loopback (e2e/chatbot.spec.ts); other checks stay off loopback.
      LR_CHATBOT_ALLOW_LOOPBACK: 'on',
      NEXT_TELEMETRY_DISABLED: '1',
      // Scheduled check runs start at each project's own hour; one landing mid-spec would race the
      // specs' own runs. The schedule's pages are tested (e2e/schedule.spec.ts), the runs by integration tests.
      LR_SCHEDULED_RUNS: '0',
      E2E_PORT: String(PORT),
    },
  },
});
