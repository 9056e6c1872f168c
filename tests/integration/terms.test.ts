import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { freezeClockForTests } from '@/lib/clock';
import { setUpTermReporting, listEndedUnits, listTermsForStaff } from '@/lib/terms/open';
import { renewalState } from '@/lib/terms/renewal';
import { addDocument, findSecretaryAccession, recordDecision, submitAccession, verifyAccession } from '@/lib/accessions/workflow';
import { loadTermOverview } from '@/lib/municipalities/overview';
import { findCurrentTerm, findMunicipalityPublic, listBrowsableTerms } from '@/lib/municipalities/queries';
import { listOpenMunicipalities, resolveTerm } from '@/lib/opendata/queries';
import { geometryAreaKm2, readMunicipalityFeatures, unionGeometry } from '@/lib/seed/boundaries';
import { runReminders } from '@/lib/mail/reminders';
import { receiveToTemp } from '@/lib/storage';
import { createSignedPdf } from '../unit/documents/sign-helper';
import { actorOf, createUser, resetDatabase } from './db-utils';

const decision = {
  councilBody: 'Liepājas valstspilsētas dome',
  sessionDate: '2025-09-18',
  sessionType: 'REGULAR' as const,
  decisionNumber: '412/12',
  agendaItem: null,
  signatoryName: 'Gunārs Ansiņš',
  signatoryRole: 'domes priekšsēdētājs',
};

describe('council terms come from the calendar', () => {
  beforeEach(resetDatabase);

  it('on 2026-12-03 a fresh database is in 2025–2029 with 42 units, Liepāja "not yet renewed", with no staff action', async () => {
    freezeClockForTests('2026-12-03');
    const term = (await findCurrentTerm())!;
    expect(term).toMatchObject({ slug: '2025-2029', label: '2025–2029', openedAt: null });
    expect(term.electionDay!.toISOString().slice(0, 10)).toBe('2025-06-07');
    expect((await listBrowsableTerms()).map((t) => t.slug)).toEqual(['2021-2025', '2025-2029']);
    const overview = (await loadTermOverview(null))!;
    expect(overview.term.slug).toBe('2025-2029');
    expect(overview.rows).toHaveLength(42);
    expect(overview.rows.find((r) => r.slug === 'liepaja')!.status).toBe('PREVIOUS');
    expect(overview.rows.find((r) => r.slug === 'varaklanu-novads')).toBeUndefined();
    // Earlier terms stay browsable, with their own units.
    const earlier = (await loadTermOverview('2021-2025'))!;
    expect(earlier.rows).toHaveLength(43);
    expect(earlier.rows.find((r) => r.slug === 'liepaja')!.status).toBe('VERIFIED');
    // Open data defaults to the same term.
    expect((await resolveTerm()).slug).toBe('2025-2029');
    // The term's dates carry their source.
    const cited = await db().councilTerm.findUniqueOrThrow({
      where: { slug: '2025-2029' },
      select: { citation: { select: { publisher: true, url: true, language: true } } },
    });
    expect(cited.citation).toMatchObject({ url: expect.stringMatching(/^https:\/\//), language: 'lv' });
  });

  it('on 2025-05-01 the current term is 2021–2025 (43 units) and 2025–2029 cannot be browsed yet', async () => {
    freezeClockForTests('2025-05-01');
    expect((await findCurrentTerm())!.slug).toBe('2021-2025');
    expect((await listBrowsableTerms()).map((t) => t.slug)).toEqual(['2021-2025']);
    const overview = (await loadTermOverview(null))!;
    expect(overview.rows).toHaveLength(43);
    expect(overview.previousTerm).toBeNull();
    expect(overview.rows.find((r) => r.slug === 'liepaja')!.status).toBe('VERIFIED');
    expect(await loadTermOverview('2025-2029')).toBeNull();
    expect((await resolveTerm()).slug).toBe('2021-2025');
    const secretary = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    expect(await runReminders()).toMatchObject({ renewalInvitations: 0 });
    expect(await db().outboxMessage.count({ where: { kind: 'term.renewal', toEmail: secretary.email } })).toBe(0);
  });

  it("the renewal invitation goes out once, by the daily run, in the secretary's language; never to a merged unit", async () => {
    freezeClockForTests('2026-12-03');
    const liepaja = await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' });
    await db().user.update({ where: { id: liepaja.id }, data: { locale: 'en' } });
    const varaklani = await createUser({ role: 'SECRETARY', municipalitySlug: 'varaklanu-novads' });
    expect(await runReminders()).toMatchObject({ renewalInvitations: 1 }); // Jēkabpils novads has no secretary here
    const mail = await db().outboxMessage.findMany({ where: { kind: 'term.renewal' } });
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ toEmail: liepaja.email, locale: 'en', status: 'PENDING' });
    expect(mail[0]!.text).toContain('/en/secretary/liepaja');
    expect(mail.some((m) => m.toEmail === varaklani.email)).toBe(false);
    expect(await runReminders()).toMatchObject({ renewalInvitations: 0 });
    expect(await db().outboxMessage.count({ where: { kind: 'term.renewal' } })).toBe(1);
  });
});

describe('boundaries per term', () => {
  beforeEach(resetDatabase);

  it('stores Madonas novads 2025–2029 as the union with Varakļānu novads; open data for 2025–2029 (the default on 2026-12-03) carries it', async () => {
    freezeClockForTests('2026-12-03');
    const features = readMunicipalityFeatures();
    const g = (slug: string) => features.find((f) => f.properties.slug === slug)!.geometry;
    const union = unionGeometry(g('madonas-novads'), g('varaklanu-novads'));
    const stored = await db().municipalityBoundary.findMany({
      where: { municipality: { slug: 'madonas-novads' } },
      select: { geometry: true, areaKm2: true, derivation: true, term: { select: { slug: true } } },
      orderBy: { term: { startsOn: 'asc' } },
    });
    expect(stored.map((b) => b.term.slug)).toEqual(['2021-2025', '2025-2029']);
    expect(stored[0]).toMatchObject({ geometry: g('madonas-novads'), derivation: null });
    expect(stored[1]).toMatchObject({ geometry: union, derivation: expect.stringContaining('polyclip-ts') });
    expect(stored[1]!.areaKm2).toBeCloseTo(geometryAreaKm2(g('madonas-novads')) + geometryAreaKm2(g('varaklanu-novads')), 0);
    expect(await db().municipalityBoundary.count({ where: { term: { slug: '2025-2029' } } })).toBe(42);
    expect(await db().municipalityBoundary.count({ where: { term: { slug: '2021-2025' } } })).toBe(43);

    const open = await listOpenMunicipalities({ withGeometry: true });
    expect(open.term).toBe('2025-2029');
    expect(open.rows).toHaveLength(42);
    expect(open.rows.find((r) => r.item.slug === 'madonas-novads')!.geometry).toEqual(union);
    const earlier = await listOpenMunicipalities({ term: '2021-2025', withGeometry: true });
    expect(earlier.rows.find((r) => r.item.slug === 'madonas-novads')!.geometry).toEqual(g('madonas-novads'));
  });
});

describe('setting up reporting for a term', () => {
  beforeEach(resetDatabase);

  it('staff set up reporting for 2025–2029 once; it changes no public picture; ended units are named', async () => {
    freezeClockForTests('2026-12-03');
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const varaklani = await createUser({ role: 'SECRETARY', municipalitySlug: 'varaklanu-novads' });
    const before = await listTermsForStaff({ actor: staff });
    expect(before.map((t) => [t.slug, t.canOpen, t.isCurrent])).toEqual([
      ['2021-2025', false, false],
      ['2025-2029', true, true],
    ]);
    expect(before.map((t) => t.municipalities)).toEqual([43, 42]);
    const publicBefore = (await loadTermOverview(null))!;

    const opening = await setUpTermReporting({ actor: staff, termSlug: '2025-2029' });
    expect(opening).toMatchObject({ term: '2025–2029', previousTerm: '2021–2025' });
    expect(opening.ended).toEqual([
      {
        slug: 'varaklanu-novads',
        nameLv: 'Varakļānu novads',
        validTo: '2025-06-30',
        successor: { slug: 'madonas-novads', nameLv: 'Madonas novads' },
        secretaries: [{ id: varaklani.id, email: varaklani.email }],
      },
    ]);
    expect(await db().reportingPeriod.count({ where: { term: { slug: '2025-2029' } } })).toBe(5);
    expect((await loadTermOverview(null))!.rows).toEqual(publicBefore.rows);
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: 'term.open' } })).toMatchObject({ actorId: staff.id, subjectType: 'CouncilTerm' });

    await expect(setUpTermReporting({ actor: staff, termSlug: '2025-2029' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(setUpTermReporting({ actor: staff, termSlug: 'no-such-term' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listEndedUnits({ actor: staff, termSlug: '2025-2029' })).toHaveLength(1);
  });

  it('only staff set up reporting, never out of order, and of two at once exactly one succeeds', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await expect(setUpTermReporting({ actor: secretary, termSlug: '2025-2029' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setUpTermReporting({ actor: null, termSlug: '2025-2029' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const [a, b] = [actorOf(await createUser({ role: 'STAFF' })), actorOf(await createUser({ role: 'ADMIN' }))];
    const results = await Promise.allSettled([
      setUpTermReporting({ actor: a, termSlug: '2025-2029' }),
      setUpTermReporting({ actor: b, termSlug: '2025-2029' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await db().councilTerm.create({
      data: { slug: '2029-2033', startYear: 2029, endYear: 2033, startsOn: new Date('2029-07-01'), endsOn: new Date('2033-06-30') },
    });
    await db().councilTerm.update({ where: { slug: '2021-2025' }, data: { openedAt: null } });
    await setUpTermReporting({ actor: a, termSlug: '2029-2033' });
    await expect(setUpTermReporting({ actor: a, termSlug: '2021-2025' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().auditEvent.count({ where: { action: 'term.open' } })).toBe(2);
  });
});

describe('renewal and decision dates', () => {
  beforeEach(resetDatabase);

  it('renewal reuses the joining journey; a merged unit cannot record a decision for the new term', async () => {
    freezeClockForTests('2026-12-03');
    const staff = actorOf(await createUser({ role: 'STAFF' }));
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    const term = (await findCurrentTerm())!;
    expect(await renewalState({ actor: secretary, municipalityId: secretary.municipalityId!, term })).toMatchObject({
      inTerm: true,
      joinedPreviously: '2021–2025',
    });
    // Not public: another municipality's secretary and the public are refused.
    const other = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'riga' }));
    await expect(renewalState({ actor: other, municipalityId: secretary.municipalityId!, term })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(renewalState({ actor: null, municipalityId: secretary.municipalityId!, term })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    await recordDecision({ actor: secretary, municipalitySlug: 'liepaja', input: decision });
    const file = await receiveToTemp(Readable.from([Buffer.from((await createSignedPdf({ text: 'Liepajas lemums 2025' })).bytes)]), 25 * 1024 * 1024);
    await addDocument({ actor: secretary, municipalitySlug: 'liepaja', kind: 'DECISION', originalName: 'lēmums.pdf', file });
    await submitAccession({ actor: secretary, municipalitySlug: 'liepaja' });
    const a = (await findSecretaryAccession({ actor: secretary, municipalitySlug: 'liepaja' })).accession!;
    await verifyAccession({ actor: staff, accessionId: a.id, version: a.version });
    expect((await loadTermOverview(null))!.rows.find((r) => r.slug === 'liepaja')).toMatchObject({ status: 'VERIFIED', decisionNumber: '412/12' });
    const pub = await findMunicipalityPublic('liepaja');
    expect(pub!.accessions.map((x) => x.term.slug).sort()).toEqual(['2021-2025', '2025-2029']);

    const varaklani = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'varaklanu-novads' }));
    expect(await renewalState({ actor: staff, municipalityId: varaklani.municipalityId!, term })).toMatchObject({
      inTerm: false,
      successor: { slug: 'madonas-novads' },
    });
    await expect(
      recordDecision({ actor: varaklani, municipalitySlug: 'varaklanu-novads', input: { ...decision, councilBody: 'Varakļānu novada dome' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().accession.count({ where: { termId: term.id, municipality: { slug: 'varaklanu-novads' } } })).toBe(0);
  });

  it('a decision date must lie between the election day and the end of the term (and not after today), with a field error naming the dates', async () => {
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'valmieras-novads' }));
    freezeClockForTests('2026-12-03');
    // The case from the issue: 19 November 2026 belongs to 2025–2029, never to 2021–2025; the window is 7 June 2025 – today.
    await expect(
      recordDecision({ actor: secretary, municipalitySlug: 'valmieras-novads', input: { ...decision, sessionDate: '2025-06-06' } }),
    ).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      fieldErrors: { sessionDate: ['terms.decisionDateOutside|term=2025–2029&fromDate=2025-06-07&toDate=2026-12-03'] },
    });
    await expect(
      recordDecision({ actor: secretary, municipalitySlug: 'valmieras-novads', input: { ...decision, sessionDate: '2026-12-04' } }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    await recordDecision({ actor: secretary, municipalitySlug: 'valmieras-novads', input: { ...decision, sessionDate: '2025-06-20' } }); // before 1 July: the new council sat early
    const saved = await db().accession.findFirstOrThrow({
      where: { municipality: { slug: 'valmieras-novads' } },
      select: { sessionDate: true, term: { select: { slug: true } } },
    });
    expect(saved).toMatchObject({ term: { slug: '2025-2029' } });

    freezeClockForTests('2025-05-01');
    await db().accession.deleteMany({ where: { municipality: { slug: 'valmieras-novads' } } });
    await expect(
      recordDecision({ actor: secretary, municipalitySlug: 'valmieras-novads', input: { ...decision, sessionDate: '2021-06-04' } }),
    ).rejects.toMatchObject({ fieldErrors: { sessionDate: ['terms.decisionDateOutside|term=2021–2025&fromDate=2021-06-05&toDate=2025-05-01'] } });
    await recordDecision({ actor: secretary, municipalitySlug: 'valmieras-novads', input: { ...decision, sessionDate: '2025-03-20' } });
    expect(
      await db().accession.findFirstOrThrow({ where: { municipality: { slug: 'valmieras-novads' } }, select: { term: { select: { slug: true } } } }),
    ).toMatchObject({ term: { slug: '2021-2025' } });
  });
});
