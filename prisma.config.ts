import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations are applied by
// scripts/migrate.ts, and the app connects through @prisma/adapter-pg.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/memorands' },
});
