import { describe, expect, it } from 'vitest';
import { browsableTerms, checkDecisionDate, currentTermOf, decisionDateWindow, previousTermOf, termOnDay } from '@/lib/terms/calendar';
import { rigaIsoDay } from '@/lib/dates';
import { frozenFromEnv, parseFrozenNow } from '@/lib/clock';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// The two terms as prisma/data/terms.json states them.
const T2021 = { slug: '2021-2025', startYear: 2021, endYear: 2025, startsOn: day('2021-07-01'), endsOn: day('2025-06-30'), electionDay: day('2021-06-05') };
const T2025 = { slug: '2025-2029', startYear: 2025, endYear: 2029, startsOn: day('2025-07-01'), endsOn: day('2029-06-30'), electionDay: day('2025-06-07') };
const TERMS = [T2025, T2021];

describe('the current council term by the calendar (Europe/Riga)', () => {
  it('is 2025–2029 on 2026-12-03 and 2021–2025 on 2025-05-01', () => {
    expect(currentTermOf(TERMS, parseFrozenNow('2026-12-03'))?.slug).toBe('2025-2029');
    expect(currentTermOf(TERMS, parseFrozenNow('2025-05-01'))?.slug).toBe('2021-2025');
  });

  it('changes at midnight in Riga, not in UTC', () => {
    expect(rigaIsoDay(new Date('2025-06-30T20:59:00Z'))).toBe('2025-06-30');
    expect(currentTermOf(TERMS, new Date('2025-06-30T20:59:00Z'))?.slug).toBe('2021-2025');
    expect(currentTermOf(TERMS, new Date('2025-06-30T21:01:00Z'))?.slug).toBe('2025-2029'); // 00:01 on 1 July in Riga
  });

  it('keeps the last term after the data ends and the first before it begins', () => {
    expect(termOnDay(TERMS, '2031-01-01')?.slug).toBe('2025-2029');
    expect(termOnDay(TERMS, '2020-01-01')?.slug).toBe('2021-2025');
    expect(termOnDay([], '2026-12-03')).toBeNull();
  });

  it('browses started terms only; the previous term is the calendar one', () => {
    expect(browsableTerms(TERMS, parseFrozenNow('2026-12-03')).map((t) => t.slug)).toEqual(['2021-2025', '2025-2029']);
    expect(browsableTerms(TERMS, parseFrozenNow('2025-05-01')).map((t) => t.slug)).toEqual(['2021-2025']);
    expect(previousTermOf(TERMS, T2025)?.slug).toBe('2021-2025');
    expect(previousTermOf(TERMS, T2021)).toBeNull();
  });
});

describe('decision dates that fit the term', () => {
  it('runs from election day to the end of the term, never after today', () => {
    expect(decisionDateWindow(T2025, parseFrozenNow('2026-12-03'))).toEqual({ from: '2025-06-07', to: '2026-12-03' });
    expect(decisionDateWindow(T2021, parseFrozenNow('2026-12-03'))).toEqual({ from: '2021-06-05', to: '2025-06-30' });
    expect(decisionDateWindow(T2021, parseFrozenNow('2025-05-01'))).toEqual({ from: '2021-06-05', to: '2025-05-01' });
    // Without a cited election day the window starts at the term's start.
    expect(decisionDateWindow({ ...T2025, electionDay: null }, parseFrozenNow('2026-12-03')).from).toBe('2025-07-01');
  });

  it('refuses 19 November 2026 for 2021–2025, explains Jēkabpils (before the start) and flags the edges', () => {
    const at = parseFrozenNow('2026-12-03');
    expect(checkDecisionDate('2026-11-19', T2021, at)).toEqual({ ok: false, from: '2021-06-05', to: '2025-06-30' });
    expect(checkDecisionDate('2026-11-19', T2025, at)).toEqual({ ok: true, beforeTermStart: false, nearEdge: null });
    expect(checkDecisionDate('2021-06-15', T2021, at)).toEqual({ ok: true, beforeTermStart: true, nearEdge: 'election' });
    expect(checkDecisionDate('2021-07-22', T2021, at)).toMatchObject({ ok: true, beforeTermStart: false, nearEdge: null });
    expect(checkDecisionDate('2025-06-01', T2021, at)).toMatchObject({ ok: true, nearEdge: 'end' });
    expect(checkDecisionDate('2025-05-31', T2021, at)).toMatchObject({ ok: true, nearEdge: 'end' }); // 30 days before 30 June
    expect(checkDecisionDate('2025-05-30', T2021, at)).toMatchObject({ ok: true, nearEdge: null });
    expect(checkDecisionDate('2021-06-04', T2021, at)).toMatchObject({ ok: false });
    expect(checkDecisionDate('2025-03-20', T2021, parseFrozenNow('2025-05-01'))).toMatchObject({ ok: true });
    expect(checkDecisionDate('2025-05-02', T2021, parseFrozenNow('2025-05-01'))).toMatchObject({ ok: false, to: '2025-05-01' });
  });
});

describe('the test clock', () => {
  it('is honoured outside production and on a loopback test server, never on a public production server', () => {
    expect(frozenFromEnv({ NODE_ENV: 'test', PUBLIC_BASE_URL: 'https://memorands.lv', FROZEN_NOW: '2026-12-03' })?.toISOString()).toBe(
      '2026-12-03T10:00:00.000Z',
    );
    expect(frozenFromEnv({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://localhost:3112', FROZEN_NOW: '2025-05-01' })?.toISOString()).toBe(
      '2025-05-01T10:00:00.000Z',
    );
    expect(frozenFromEnv({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://memorands.lv', FROZEN_NOW: '2025-05-01' })).toBeNull();
    expect(frozenFromEnv({ NODE_ENV: 'development', PUBLIC_BASE_URL: 'http://localhost:3000' })).toBeNull();
    expect(parseFrozenNow('2025-05-01T21:30:00Z').toISOString()).toBe('2025-05-01T21:30:00.000Z');
  });
});
