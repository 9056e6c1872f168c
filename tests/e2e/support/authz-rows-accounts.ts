/** Rows of the authorization matrix (tests/e2e/authz-matrix.spec.ts): accessions, documents, sessions, invitations, users. */
import { randomBytes, createHash } from 'node:crypto';
import { createUser, insertDocument, resetAccession, sql } from './db';
import { OWN, all, freshInvitation, nextPooled, nextSeq, ownSecretaryOnly, pdfBytes, pendingInvitationId, staffOnly, uniqueIp, type Row } from './authz-matrix';

export const ACCOUNT_ROWS: Record<string, Row> = {
  'PUT /api/accessions/[slug]': {
    path: `/api/accessions/${OWN}`,
    prepare: async () => {
      await resetAccession(OWN, 'DRAFT');
      return {};
    },
    body: () => ({
      councilBody: 'Tukuma novada dome',
      sessionDate: '2021-08-26',
      sessionType: 'REGULAR',
      decisionNumber: '12/3',
      signatoryName: 'Anna Bērziņa',
      signatoryRole: 'domes priekšsēdētāja',
    }),
    expect: ownSecretaryOnly(200),
    audit: () => 'accession.record',
  },
  'POST /api/accessions/[slug]/documents': {
    path: `/api/accessions/${OWN}/documents?kind=DECISION&name=l%C4%93mums.pdf`,
    prepare: async () => {
      await resetAccession(OWN, 'DRAFT');
      return { raw: await pdfBytes() };
    },
    expect: ownSecretaryOnly(201),
    audit: () => 'document.upload',
  },
  'POST /api/staff/documents/[id]/trust-recheck': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'SUBMITTED');
      return { path: `/api/staff/documents/${await insertDocument(a.id, await pdfBytes())}/trust-recheck` };
    },
    expect: staffOnly(200),
    audit: () => 'document.trust-recheck',
  },
  'DELETE /api/accessions/[slug]/documents/[id]': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(OWN, 'DRAFT');
      return { path: `/api/accessions/${OWN}/documents/${await insertDocument(a.id, await pdfBytes())}` };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'document.remove',
  },
  'POST /api/accessions/[slug]/submit': {
    path: `/api/accessions/${OWN}/submit`,
    prepare: async () => {
      const a = await resetAccession(OWN, 'DRAFT');
      await insertDocument(a.id, await pdfBytes());
      return { body: { version: a.version } };
    },
    expect: ownSecretaryOnly(200),
    audit: () => 'accession.submitted',
  },
  'GET /api/accessions/[slug]/signing-sheet': {
    path: `/api/accessions/${OWN}/signing-sheet`,
    prepare: async () => {
      await resetAccession(OWN, 'DRAFT');
      return {};
    },
    expect: { public: 401, secretaryOwn: 200, secretaryOther: 403, staff: 200, admin: 200 },
  },
  'POST /api/staff/accessions/[id]/verify': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'SUBMITTED');
      return { path: `/api/staff/accessions/${a.id}/verify`, body: { version: a.version } };
    },
    expect: staffOnly(200),
    audit: () => 'accession.verified',
  },
  'POST /api/staff/accessions/[id]/return': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'SUBMITTED');
      return { path: `/api/staff/accessions/${a.id}/return`, body: { version: a.version, reason: 'Trūkst paraksta.' } };
    },
    expect: staffOnly(200),
    audit: () => 'accession.returned',
  },
  'POST /api/staff/accessions/[id]/withdraw': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(nextPooled(), 'VERIFIED');
      return { path: `/api/staff/accessions/${a.id}/withdraw`, body: { version: a.version, reason: 'Dome atcēla lēmumu.' } };
    },
    expect: staffOnly(200),
    audit: () => 'accession.withdrawn',
  },
  'GET /api/documents/[id]': {
    path: '',
    prepare: async () => {
      const a = await resetAccession(OWN, 'SUBMITTED');
      return { path: `/api/documents/${await insertDocument(a.id, await pdfBytes())}` };
    },
    // Note: an unpublished document is a 404 for the public, so its existence is not revealed.
    expect: { public: 404, secretaryOwn: 200, secretaryOther: 403, staff: 200, admin: 200 },
  },
  'GET /api/session': { path: '/api/session', expect: all(200) },
  'POST /api/session': {
    path: '/api/session',
    body: () => ({ email: 'nobody@e2e.test', password: 'wrong' }),
    headers: () => ({ 'x-forwarded-for': uniqueIp() }),
    expect: all(401),
  },
  'DELETE /api/session': { path: '/api/session', expect: all(200), audit: (who) => (who === 'public' ? null : 'auth.sign-out') },
  'GET /api/session.css': { path: '/api/session.css', expect: all(200) },
  'GET /api/auth/[...nextauth]': { path: '/api/auth/session', expect: all(200) },
  'POST /api/invitations': {
    path: '/api/invitations',
    body: () => ({ email: `matrix-inv-${Date.now()}-${nextSeq()}@e2e.test`, municipalitySlug: OWN }),
    expect: { public: 401, secretaryOwn: 403, secretaryOther: 403, staff: 201, admin: 201 },
    audit: () => 'invitation.create',
  },
  'POST /api/invitations/accept': {
    path: '/api/invitations/accept',
    prepare: async () => {
      const { id, token } = await freshInvitation();
      return { body: { token, name: 'Matrix Person', password: 'long enough password', passwordConfirm: 'long enough password' }, auditSubjectId: id };
    },
    expect: all(201),
    audit: () => 'invitation.accept',
  },
  // "Forgot password" is public and answers alike for every address; an unknown one changes nothing (no audit).
  'POST /api/password-reset': {
    path: '/api/password-reset',
    body: () => ({ email: `nobody-${nextSeq()}@e2e.test` }),
    headers: () => ({ 'x-forwarded-for': uniqueIp() }),
    expect: all(200),
    audit: () => null,
  },
  'POST /api/password-reset/confirm': {
    path: '/api/password-reset/confirm',
    prepare: async () => {
      const token = randomBytes(32).toString('base64url');
      const user = await createUser('SECRETARY', 'valmieras-novads');
      await sql().query(`INSERT INTO "PasswordReset" ("id", "userId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 hour')`, [
        `pr${Date.now()}${nextSeq()}`,
        user.id,
        createHash('sha256').update(token).digest('hex'),
      ]);
      return { body: { token, password: 'long enough password', passwordConfirm: 'long enough password' }, auditSubjectId: user.id };
    },
    expect: all(200),
    audit: () => 'auth.password-reset',
  },
  'PUT /api/account/submission-mail': {
    path: '/api/account/submission-mail',
    body: () => ({ mode: 'EVENT' }),
    expect: staffOnly(200),
    audit: () => 'user.submission-mail',
  },
  'POST /api/invitations/[id]/resend': {
    path: '',
    prepare: async () => ({ path: `/api/invitations/${await pendingInvitationId()}/resend`, body: {} }),
    expect: staffOnly(200),
    audit: () => 'invitation.resend',
  },
  'POST /api/invitations/[id]/revoke': {
    path: '',
    prepare: async () => ({ path: `/api/invitations/${await pendingInvitationId()}/revoke`, body: {} }),
    expect: staffOnly(200),
    audit: () => 'invitation.revoke',
  },
  'POST /api/users/[id]/deactivate': {
    path: '',
    prepare: async () => ({ path: `/api/users/${(await createUser('SECRETARY', 'valmieras-novads')).id}/deactivate`, body: {} }),
    expect: staffOnly(200),
    audit: () => 'user.deactivate',
  },
  'POST /api/users/[id]/reactivate': {
    path: '',
    prepare: async () => {
      const u = await createUser('SECRETARY', 'valmieras-novads');
      await sql().query(`UPDATE "User" SET "isActive" = false, "deactivatedAt" = now() WHERE "id" = $1`, [u.id]);
      return { path: `/api/users/${u.id}/reactivate`, body: {} };
    },
    expect: staffOnly(200),
    audit: () => 'user.reactivate',
  },
  'POST /api/users/[id]/move': {
    path: '',
    prepare: async () => ({ path: `/api/users/${(await createUser('SECRETARY', 'valmieras-novads')).id}/move`, body: { municipalitySlug: 'cesu-novads' } }),
    expect: staffOnly(200),
    audit: () => 'user.move',
  },
  'GET /api/staff/exports/[name]': { path: '/api/staff/exports/matrix.csv', expect: staffOnly(200) },
};
