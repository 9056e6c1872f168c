import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db, Tx } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AccessionStatus, ReportStatus, Role, SessionType } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { keyForSha256, storage, tempDir } from '@/lib/storage';

/**
 * Row factories shared by the tests, the benchmarks, the demo command and the
 * reference seed (docs/adr/0205-shared-factories.md). Each takes the Prisma
 * client or a transaction client and creates one row with its dependants.
 *
 * Note: every default is an obvious test value ("Testa dome", decision
 * "TEST-1", e-mail on example.test): a factory never makes a row look like a
 * real council's fact. Callers that record real facts (the reference seed)
 * or demo data (lib/seed/demo) pass every shown field themselves.
 */
export type Client = Db | Tx;

/** The term the suites were written for: seeded 2021–2025, reporting set up. */
export const TEST_TERM_SLUG = '2021-2025';
export const COMMITMENT_KEYS = ['resources', 'staff', 'cooperation'] as const;
export type CommitmentStatusValue = 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED';

/** The id of the municipality with `slug` (throws when unknown). */
export async function municipalityIdOf(client: Client, slug: string): Promise<string> {
  return (await client.municipality.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** A council term by slug (default {@link TEST_TERM_SLUG}). */
export async function termOf(client: Client, slug: string = TEST_TERM_SLUG) {
  return client.councilTerm.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, startsOn: true, endsOn: true } });
}

let counter = 0;
/** A value unique in this process and across processes started at different times. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid}-${counter}-${Date.now()}`;
}

type MunicipalityRef = { municipalitySlug?: string; municipalityId?: string | null };
const municipalityRef = async (client: Client, ref: MunicipalityRef): Promise<string | null> =>
  ref.municipalityId ?? (ref.municipalitySlug ? municipalityIdOf(client, ref.municipalitySlug) : null);

export type UserFactoryInput = MunicipalityRef & {
  role: Role;
  email?: string;
  /** Used when `email` is not given: `<role>-<unique>@<emailDomain>` (default example.test, RFC 2606). */
  emailDomain?: string;
  name?: string;
  /** Plain password (hashed with lib/auth/password at the configured cost); default 'correct horse battery'. */
  password?: string;
  /** A ready hash instead (e.g. at a lower cost in the end-to-end process). */
  passwordHash?: string;
  isActive?: boolean;
  locale?: string;
};
export type FactoryUser = { id: string; email: string; role: Role; municipalityId: string | null; password: string };

/** Creates a user with a unique e-mail (a secretary bound to its municipality) and returns the password it signs in with. */
export async function createUser(client: Client, input: UserFactoryInput): Promise<FactoryUser> {
  const suffix = uniqueSuffix();
  const password = input.password ?? 'correct horse battery';
  const user = await client.user.create({
    data: {
      email: input.email ?? `${input.role.toLowerCase()}-${suffix}@${input.emailDomain ?? 'example.test'}`,
      name: input.name ?? `Test ${input.role} ${suffix}`,
      role: input.role,
      municipalityId: await municipalityRef(client, input),
      passwordHash: input.passwordHash ?? (await hashPassword(password)),
      isActive: input.isActive ?? true,
      ...(input.locale ? { locale: input.locale } : {}),
    },
    select: { id: true, email: true, role: true, municipalityId: true },
  });
  return { ...user, password };
}

/** The decision facts of a complete accession: obvious test values, the session two months into the term. */
export function testDecisionFacts(term: { startsOn: Date }) {
  return {
    councilBody: 'Testa dome',
    sessionDate: new Date(term.startsOn.getTime() + 62 * 86_400_000),
    sessionType: 'REGULAR' as SessionType,
    decisionNumber: 'TEST-1',
    signatoryName: 'Testa Parakstītājs',
    signatoryRole: 'priekšsēdētājs',
  };
}

export type AccessionFactoryInput = MunicipalityRef & {
  termSlug?: string;
  termId?: string;
  status?: AccessionStatus;
  /** 'complete' (default): {@link testDecisionFacts}; 'none': only what `data` gives. */
  facts?: 'complete' | 'none';
  /** Any other column (wins over the defaults). */
  data?: Partial<Prisma.AccessionUncheckedCreateInput>;
};

/** Creates a municipality's accession for a term (default the test term, DRAFT, complete test facts). */
export async function createAccession(client: Client, input: AccessionFactoryInput) {
  const municipalityId = await municipalityRef(client, input);
  if (!municipalityId) throw new Error('createAccession needs a municipality');
  const term = input.termId
    ? await client.councilTerm.findUniqueOrThrow({ where: { id: input.termId }, select: { id: true, startsOn: true } })
    : await termOf(client, input.termSlug);
  const facts = input.facts === 'none' ? {} : testDecisionFacts(term);
  return client.accession.create({
    data: { municipalityId, termId: term.id, status: input.status ?? 'DRAFT', ...facts, ...input.data },
    select: { id: true, version: true, municipalityId: true, termId: true, status: true },
  });
}

export type ReportFactoryInput = MunicipalityRef & {
  year: number;
  termSlug?: string;
  revision?: number;
  status?: ReportStatus;
  /** The commitments' statuses in the memorandum's order (default all three NOT_STARTED; [] creates no commitment rows). */
  commitments?: readonly CommitmentStatusValue[];
  /** Indicator values by key (e.g. social_work_specialists_fte), stored as decimals; absent keys stay unknown. */
  indicators?: Record<string, number | string | Prisma.Decimal>;
  data?: Partial<Omit<Prisma.ProgressReportUncheckedCreateInput, 'commitments' | 'indicators'>>;
};

/** Creates a progress report for a year of a term (default revision 1, DRAFT) with its three commitments and the given indicators. */
export async function createReport(client: Client, input: ReportFactoryInput) {
  const municipalityId = await municipalityRef(client, input);
  if (!municipalityId) throw new Error('createReport needs a municipality');
  const period = await client.reportingPeriod.findFirstOrThrow({
    where: { year: input.year, term: { slug: input.termSlug ?? TEST_TERM_SLUG } },
    select: { id: true },
  });
  const statuses = input.commitments ?? (['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED'] as const);
  return client.progressReport.create({
    data: {
      municipalityId,
      periodId: period.id,
      revision: input.revision ?? 1,
      status: input.status ?? 'DRAFT',
      ...input.data,
      commitments: { create: statuses.map((status, i) => ({ commitmentKey: COMMITMENT_KEYS[i]!, status })) },
      indicators: {
        create: Object.entries(input.indicators ?? {}).map(([key, value]) => ({ key, numberValue: new Prisma.Decimal(value) })),
      },
    },
    select: { id: true, version: true, municipalityId: true, periodId: true },
  });
}

/** Where {@link createDocument} puts the bytes: the app's storage by default. */
export type DocumentStore = { putFile(key: string, tempPath: string): Promise<void> };

export type DocumentFactoryInput = {
  accessionId?: string;
  reportId?: string;
  bytes: Uint8Array;
  kind?: 'DECISION' | 'ANNEX' | 'EVIDENCE';
  mediaType?: string;
  originalName?: string;
  uploaderId?: string | null;
  /** The storage the bytes go to and a temporary folder on its file system (default: lib/storage's storage() and tempDir()). */
  store?: { storage: DocumentStore; tempFolder: string };
};

/** Stores `bytes` under their content address (lib/storage keyForSha256) and records the document row (an unsigned PDF's inspection). */
export async function createDocument(client: Client, input: DocumentFactoryInput): Promise<{ id: string; sha256: string; storageKey: string }> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const key = keyForSha256(sha256);
  const store = input.store ?? { storage: storage(), tempFolder: tempDir() };
  await mkdir(store.tempFolder, { recursive: true });
  const tempPath = path.join(store.tempFolder, `factory-${randomUUID()}`);
  await writeFile(tempPath, input.bytes);
  await store.storage.putFile(key, tempPath);
  const row = await client.document.create({
    data: {
      accessionId: input.accessionId ?? null,
      reportId: input.reportId ?? null,
      kind: input.kind ?? 'DECISION',
      sha256,
      sizeBytes: input.bytes.length,
      mediaType: input.mediaType ?? 'application/pdf',
      storageKey: key,
      originalName: input.originalName ?? 'lēmums.pdf',
      uploaderId: input.uploaderId ?? null,
      inspection: { kind: 'pdf', warnings: [], signatures: [] },
    },
    select: { id: true },
  });
  return { id: row.id, sha256, storageKey: key };
}
