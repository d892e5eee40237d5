import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Integration tests (*.int.test.ts) run once per database driver: PGlite always, PostgreSQL
// when TEST_DATABASE_URL is set. Everything else runs once, as the unit project, without the
// global setup: a unit file never waits for a migrated database template.
const integration = ['**/*.int.test.ts'];
const exclude = ['node_modules/**', '.next/**', 'e2e/**', '.data/**'];
const drivers = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['**/*.test.ts'], exclude: [...exclude, ...integration] } },
      ...drivers.map((driver) => ({
        extends: true as const,
        test: { name: driver, include: integration, exclude, globalSetup: ['./test/global-setup.ts'], env: { LR_TEST_DRIVER: driver } },
      })),
    ],
  },
});
