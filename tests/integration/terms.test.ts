import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { openTerm, listEndedUnits, listTermsForStaff } from '@/lib/terms/open';
import { renewalState } from '@/lib/terms/renewal';
import { addDocument, findSecretaryAccession, recordDecision, submitAccession, verifyAccession } from '@/lib/accessions/workflow';
import { loadTermOverview } from '@/lib/municipalities/overview';
import { findCurrentTerm, findMunicipalityPublic } from '@/lib/municipalities/queries';
import { receiveToTemp } from '@/lib/storage';
import { createSignedPdf } from '../unit/documents/sign-helper';
import { actorOf, createUser, resetDatabase } from './db-utils';

const decision = { councilBody: 'Liepājas valstspilsētas dome', sessionDate: '2025-09-18', sessionType: 'REGULAR' as const, decisionNumber: '412/12', agendaItem: null, signatoryName: 'Gunārs Ansiņš', signatoryRole: 'domes priekšsēdētājs' };

describe('opening a council term', () => {
  beforeEach(resetDatabase);

  it('opens 2025–2029 once: Liepāja is "not yet renewed", its secretary is invited, Varakļānu ends with Madonas as successor', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const liepaja = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    await db().user.update({ where: { id: liepaja.id }, data: { locale: 'en' } });
    const varaklani = await createUser({ role: 'SECRETARY', municipalitySlug: 'varaklanu-novads' });

    const before = await listTermsForStaff({ actor: staff });
    expect(before.map((t) => [t.slug, t.canOpen])).toEqual([['2021-2025', false], ['2025-2029', true]]);
    expect(before.find((t) => t.slug === '2021-2025')!.municipalities).toBe(43);

    const opening = await openTerm({ actor: staff, termSlug: '2025-2029' });
    expect(opening.term).toBe('2025–2029');
    expect(opening.previousTerm).toBe('2021–2025');
    expect(opening.toRenew.map((r) => r.slug)).toEqual(expect.arrayContaining(['liepaja', 'jekabpils-novads']));
    expect(opening.toRenew.find((r) => r.slug === 'liepaja')!.invited).toBe(1);
    expect(opening.ended).toEqual([{ slug: 'varaklanu-novads', nameLv: 'Varakļānu novads', validTo: '2025-06-30', successor: { slug: 'madonas-novads', nameLv: 'Madonas novads' }, secretaries: [{ id: varaklani.id, email: varaklani.email }] }]);

    expect((await findCurrentTerm())!.slug).toBe('2025-2029');
    const overview = (await loadTermOverview(null))!;
    expect(overview.rows).toHaveLength(42);
    expect(overview.rows.find((r) => r.slug === 'liepaja')!.status).toBe('PREVIOUS');
    expect(overview.rows.find((r) => r.slug === 'varaklanu-novads')).toBeUndefined();
    // History stays with the old unit: the 2021–2025 picture still has Varakļānu novads.
    expect((await loadTermOverview('2021-2025'))!.rows.find((r) => r.slug === 'varaklanu-novads')).toBeDefined();

    const mail = await db().outboxMessage.findMany({ where: { kind: 'term.renewal' } });
    expect(mail.find((m) => m.toEmail === liepaja.email)).toMatchObject({ locale: 'en', status: 'PENDING' });
    expect(mail.find((m) => m.toEmail === liepaja.email)!.text).toContain('/en/secretary/liepaja');
    expect(mail.some((m) => m.toEmail === varaklani.email)).toBe(false);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'term.open' } });
    expect(audit).toMatchObject({ actorId: staff.id, subjectType: 'CouncilTerm' });

    await expect(openTerm({ actor: staff, termSlug: '2025-2029' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(openTerm({ actor: staff, termSlug: 'no-such-term' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listEndedUnits({ actor: staff, termSlug: '2025-2029' })).toHaveLength(1);
  });

  it('only staff open terms, and never out of order', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await expect(openTerm({ actor: secretary, termSlug: '2025-2029' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(openTerm({ actor: null, termSlug: '2025-2029' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    await db().councilTerm.create({ data: { slug: '2029-2033', startYear: 2029, endYear: 2033, startsOn: new Date('2029-07-01'), endsOn: new Date('2033-06-30') } });
    await openTerm({ actor: staff, termSlug: '2029-2033' });
    await expect(openTerm({ actor: staff, termSlug: '2025-2029' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().councilTerm.findUniqueOrThrow({ where: { slug: '2025-2029' }, select: { openedAt: true } })).toEqual({ openedAt: null });
    expect(await db().auditEvent.count({ where: { action: 'term.open' } })).toBe(1);
  });

  it('two staff opening at once: exactly one succeeds', async () => {
    const [a, b] = [actorOf(await createUser({ role: 'STAFF' })), actorOf(await createUser({ role: 'ADMIN' }))];
    const results = await Promise.allSettled([openTerm({ actor: a, termSlug: '2025-2029' }), openTerm({ actor: b, termSlug: '2025-2029' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: 'term.open' } })).toBe(1);
    expect(await db().outboxMessage.count({ where: { kind: 'term.renewal' } })).toBe(0);
  });

  it('renewal reuses the joining journey; a merged unit cannot record a decision for the new term', async () => {
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await openTerm({ actor: staff, termSlug: '2025-2029' });
    const term = (await findCurrentTerm())!;
    expect(await renewalState(secretary.municipalityId!, term)).toMatchObject({ inTerm: true, joinedPreviously: '2021–2025' });

    await recordDecision({ actor: secretary, municipalitySlug: 'liepaja', input: decision });
    const file = await receiveToTemp(Readable.from([Buffer.from((await createSignedPdf({ text: 'Liepajas lemums 2025' })).bytes)]), 25 * 1024 * 1024);
    await addDocument({ actor: secretary, municipalitySlug: 'liepaja', kind: 'DECISION', originalName: 'lēmums.pdf', file });
    await submitAccession({ actor: secretary, municipalitySlug: 'liepaja' });
    const a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'liepaja' })).accession!;
    await verifyAccession({ actor: staff, accessionId: a.id, version: a.version });
    expect((await loadTermOverview(null))!.rows.find((r) => r.slug === 'liepaja')).toMatchObject({ status: 'VERIFIED', decisionNumber: '412/12' });
    // Both terms' records stay on the public page.
    const pub = await findMunicipalityPublic('liepaja');
    expect(pub!.accessions.map((x) => x.term.slug).sort()).toEqual(['2021-2025', '2025-2029']);

    const varaklani = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'varaklanu-novads' }));
    expect(await renewalState(varaklani.municipalityId!, term)).toMatchObject({ inTerm: false, successor: { slug: 'madonas-novads' } });
    await expect(recordDecision({ actor: varaklani, municipalitySlug: 'varaklanu-novads', input: { ...decision, councilBody: 'Varakļānu novada dome' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().accession.count({ where: { termId: term.id, municipality: { slug: 'varaklanu-novads' } } })).toBe(0);
  });
});
