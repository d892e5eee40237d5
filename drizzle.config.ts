import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and committed; they are applied at start-up of the
// embedded owner process or by `npm run migrate` against PostgreSQL — never by `next build`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
