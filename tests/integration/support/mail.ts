/** Shared setup of the mail integration tests (tests/integration/mail*.test.ts): secretaries, the Cēsu accession, mails to one address. */
import { Readable } from 'node:stream';

import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { addDocument, findSecretaryAccession, recordDecision, submitAccession } from '@/lib/accessions/workflow';
import { receiveToTemp } from '@/lib/storage';

import { createSignedPdf } from '../../unit/documents/sign-helper';
import { type ReceivedMail } from '../../support/smtp';
import { actorOf, createUser } from '../db-utils';
import { decision } from './fixtures';

export { decision };

export const base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');

export async function secretary(slug: string, locale: 'lv' | 'en', isActive = true) {
  const user = await createUser({ role: 'SECRETARY', municipalitySlug: slug, isActive });
  await db().user.update({ where: { id: user.id }, data: { locale } });
  return user;
}

export const toUser = (mails: ReceivedMail[], email: string) => mails.filter((m) => m.rcptTo.includes(email));

export async function submitCesu(actor: ReturnType<typeof actorOf>) {
  await recordDecision({ actor, municipalitySlug: 'cesu-novads', input: decision });
  const file = await receiveToTemp(Readable.from([Buffer.from((await createSignedPdf({ text: 'Cesu novada domes lemums' })).bytes)]), 25 * 1024 * 1024);
  await addDocument({ actor, municipalitySlug: 'cesu-novads', kind: 'DECISION', originalName: 'lēmums.pdf', file });
  await submitAccession({ actor, municipalitySlug: 'cesu-novads' });
  return (await findSecretaryAccession({ actor, municipalitySlug: 'cesu-novads' })).accession!;
}
