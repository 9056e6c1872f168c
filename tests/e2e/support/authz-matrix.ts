/**
 * The authorization matrix of tests/e2e/authz-matrix.spec.ts: who calls, what a row declares, and the
 * helpers its rows prepare data with (the rows are in authz-rows-*.ts).
 */
import { randomBytes, createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { municipalityIdOf, sql } from './db';

export type Who = 'public' | 'secretaryOwn' | 'secretaryOther' | 'staff' | 'admin';
export const WHO: Who[] = ['public', 'secretaryOwn', 'secretaryOther', 'staff', 'admin'];
export type Prepared = {
  path?: string;
  body?: unknown;
  raw?: Buffer;
  /** The subject the call's audit row names, when the caller is not its actor (accepting an invitation, resetting a password). */
  auditSubjectId?: string;
};
export type Row = {
  path: string;
  /** Per call: puts the data in the state the call needs; may give the path and body. */
  prepare?: (who: Who) => Promise<Prepared>;
  body?: (who: Who) => unknown;
  headers?: (who: Who) => Record<string, string>;
  expect: Record<Who, number>;
  /**
   * The audit action a successful call writes, exactly once, for this request (by its actor, or by its
   * `auditSubjectId`); null = none. Every successful call that is not a GET must declare it; GETs default to none.
   */
  audit?: (who: Who) => string | null;
};

export const all = (status: number): Record<Who, number> => ({ public: status, secretaryOwn: status, secretaryOther: status, staff: status, admin: status });
let seq = 0;
/** A number no other call of this worker got. */
export const nextSeq = (): number => (seq += 1);
export const uniqueIp = () => `198.51.100.${nextSeq() % 250}`;

export async function freshInvitation(): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  const id = `inv${Date.now()}${nextSeq()}`;
  await sql().query(
    `INSERT INTO "Invitation" ("id", "tokenHash", "email", "role", "municipalityId", "expiresAt") VALUES ($1, $2, $3, 'SECRETARY', $4, now() + interval '1 hour')`,
    [id, hash, `matrix-${Date.now()}-${nextSeq()}@e2e.test`, await municipalityIdOf('liepaja')],
  );
  return { id, token };
}

/** Own municipality of the matrix secretary (no accession in the seed); the other secretary is Rīga's. */
export const OWN = 'tukuma-novads';
/** Municipalities for staff actions, one per call so that every call finds its own submission. */
export const POOL = [
  'aizkraukles-novads',
  'aluksnes-novads',
  'balvu-novads',
  'bauskas-novads',
  'cesu-novads',
  'dobeles-novads',
  'gulbenes-novads',
  'jelgavas-novads',
  'kraslavas-novads',
  'kuldigas-novads',
  'limbazu-novads',
  'ludzas-novads',
  'olaines-novads',
  'preilu-novads',
  'ropazu-novads',
];
export let poolIndex = 0;
export const nextPooled = () => POOL[poolIndex++ % POOL.length]!;
export let tinyPdf: Buffer | undefined;
export async function pdfBytes(): Promise<Buffer> {
  if (!tinyPdf) {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Lemums');
    tinyPdf = Buffer.from(await doc.save());
  }
  return tinyPdf;
}
export const staffOnly = (ok: number): Record<Who, number> => ({ public: 401, secretaryOwn: 403, secretaryOther: 403, staff: ok, admin: ok });
export const ownSecretaryOnly = (ok: number): Record<Who, number> => ({ public: 401, secretaryOwn: ok, secretaryOther: 403, staff: 403, admin: 403 });

/** A pending invitation of its own for each call (resend and revoke change it). */
export async function pendingInvitationId(): Promise<string> {
  const id = `inv${Date.now()}x${nextSeq()}`;
  await sql().query(
    `INSERT INTO "Invitation" ("id", "tokenHash", "email", "role", "municipalityId", "expiresAt") VALUES ($1, $2, $3, 'SECRETARY', $4, now() + interval '1 hour')`,
    [id, createHash('sha256').update(id).digest('hex'), `matrix-pending-${id}@e2e.test`, await municipalityIdOf('valmieras-novads')],
  );
  return id;
}
