import { z } from 'zod';

/** An empty variable (`SMTP_URL=` in a .env file) counts as unset. */
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * The one place that reads process.env. Parsed once; a bad value fails at
 * boot with a message naming the variable.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  AUTH_URL: z.string().url().optional(),
  /** Port of `npm run up` / `npm start` (scripts/serve.ts, scripts/server.ts). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The portal's public origin: links in e-mail, open data, redirects and the CSRF origin check. Default: http://localhost:PORT. */
  PUBLIC_BASE_URL: z.preprocess(blankAsUnset, z.string().url().optional()),
  STORAGE_DIR: z.string().default('.data/storage'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  TRUST_PROXY: z.enum(['0', '1']).optional(),
  /** With TRUST_PROXY=1: how many proxies in front of the portal append to X-Forwarded-For; the client is the entry the outermost one appended. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** Session cookie with the Secure flag: '1' forces it; by default only when PUBLIC_BASE_URL is https. */
  AUTH_COOKIE_SECURE: z.enum(['0', '1']).optional(),
  /** Outgoing mail server, e.g. smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. Unset: mail stays in the outbox table. */
  SMTP_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .url()
      .refine((u) => /^smtps?:\/\//i.test(u), 'must start with smtp:// or smtps://')
      .optional(),
  ),
  /** The From of every message the portal sends. */
  MAIL_FROM: z.preprocess(blankAsUnset, z.string().min(3).default('Memorands <noreply@memorands.local>')),
  /** The open data's contact e-mail (DCAT-AP dcat:contactPoint vcard:hasEmail), e.g. the associations' data desk. Unset: the contact point gives only the data page. */
  OPEN_DATA_CONTACT_EMAIL: z.preprocess(blankAsUnset, z.string().email().optional()),
  /** Benchmarks only (bench/run.ts): append one JSON line per SQL query ({durationMs, sql, fullSql, params}) to this file. Unset: no query logging. */
  QUERY_LOG_FILE: z.preprocess(blankAsUnset, z.string().optional()),
  /** Where `npm run trust:update` downloads the Latvian trusted list (ETSI TS 119 612). */
  TRUSTED_LIST_URL: z.preprocess(blankAsUnset, z.string().url().default('https://trustlist.gov.lv/tsl/latvian-tsl.xml')),
  /** PEM file of the scheme-operator certificate(s) the list's signature must verify with (pinned in the repository). */
  TRUSTED_LIST_SIGNER_PEM: z.preprocess(blankAsUnset, z.string().default('lib/trust/data/scheme-operator.pem')),
  CI: z.string().optional(),
  /** Folder of the PostgreSQL client tools for backup and restore (default: /usr/lib/postgresql/<major>/bin, then PATH). */
  PG_BIN: z.preprocess(blankAsUnset, z.string().optional()),
  /** The front server (scripts/server.ts) appends every unexpected page error to this file (the fuzz test reads it). */
  SERVER_ERROR_LOG: z.preprocess(blankAsUnset, z.string().optional()),
  /** Set by scripts/serve.ts for the server it starts: the server stops by itself when this process is gone. */
  MEMORANDS_SUPERVISOR_PID: z.coerce.number().int().min(0).default(0),
  /** Set by npm for `npm start` / `npm run up` (scripts/serve.ts then also watches npm itself). */
  npm_lifecycle_event: z.string().optional(),
  /**
   * Test clock (lib/clock.ts): 'YYYY-MM-DD' (noon in Riga that day) or an ISO instant. Honoured only when
   * NODE_ENV is not 'production' or PUBLIC_BASE_URL is a loopback address (a test server); ignored otherwise.
   */
  FROZEN_NOW: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d\d:\d\d))?$/, 'must be YYYY-MM-DD or an ISO instant')
      .optional(),
  ),
});

export type Env = Omit<z.infer<typeof EnvSchema>, 'PUBLIC_BASE_URL'> & { PUBLIC_BASE_URL: string };

/** Parses an environment (process.env by default; tests pass their own). */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  // Note: the default follows PORT, so links and the origin check match a portal run on another port (issue 17).
  return { ...parsed.data, PUBLIC_BASE_URL: (parsed.data.PUBLIC_BASE_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, '') };
}

export const env: Env = parseEnv();

/**
 * The database URL as it is now. Scripts that start a database point DATABASE_URL at it
 * (setDatabaseUrl) after this module was loaded, so this reads the variable again.
 */
export function currentDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL ?? env.DATABASE_URL;
}

/**
 * Points this process at a database: the modules it loads from now on (lib/db/client, lib/db/migrate)
 * and the child processes it starts read DATABASE_URL. For scripts that start or choose the database.
 */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
}

/** The environment of a child process: this process's, with `overrides` on top. */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** The database URL; callers that may run before one is set use this to fail clearly. */
export function requireDatabaseUrl(): string {
  const url = currentDatabaseUrl();
  if (!url) throw new Error('DATABASE_URL is not set. Start the portal with `npm run up` (embedded PostgreSQL) or set DATABASE_URL.');
  return url;
}
