import { describe, expect, it } from 'vitest';
import { AccessionStatus, ReportStatus, Role } from '@/lib/generated/prisma/enums';
import { ROLES, isMunicipalRole, rolesWith, type Actor } from '@/lib/authz';
import { ACCESSION_WORKFLOW, REPORT_WORKFLOW, accessionIs, canTransition, reportIs } from '@/lib/authz/workflow';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';

const own = 'm-own';
const ACTORS = {
  public: null,
  secretaryOwn: { id: 's', role: 'SECRETARY', municipalityId: own },
  secretaryOther: { id: 'o', role: 'SECRETARY', municipalityId: 'm-other' },
  staff: { id: 't', role: 'STAFF', municipalityId: null },
  admin: { id: 'a', role: 'ADMIN', municipalityId: null },
} satisfies Record<string, Actor | null>;
type Who = keyof typeof ACTORS;

/**
 * What the memorandum's process says, written out by hand (not derived from
 * the table): from which states each transition starts, and who may make it.
 */
const ACCESSION_EXPECTED: Record<string, { from: string[]; to: string; who: Who[] }> = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', who: ['secretaryOwn'] },
  verify: { from: ['SUBMITTED'], to: 'VERIFIED', who: ['staff', 'admin'] },
  return: { from: ['SUBMITTED'], to: 'RETURNED', who: ['staff', 'admin'] },
  withdraw: { from: ['VERIFIED'], to: 'WITHDRAWN', who: ['staff', 'admin'] },
};
const REPORT_EXPECTED: Record<string, { from: string[]; to: string; who: Who[] }> = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', who: ['secretaryOwn'] },
  return: { from: ['SUBMITTED'], to: 'RETURNED', who: ['staff', 'admin'] },
  accept: { from: ['SUBMITTED'], to: 'ACCEPTED', who: ['staff', 'admin'] },
};

describe('workflow tables (lib/authz/workflow)', () => {
  it('declare exactly the states of the database enums', () => {
    expect([...ACCESSION_WORKFLOW.states].sort()).toEqual(Object.values(AccessionStatus).sort());
    expect([...REPORT_WORKFLOW.states].sort()).toEqual(Object.values(ReportStatus).sort());
    for (const wf of [ACCESSION_WORKFLOW, REPORT_WORKFLOW] as const) {
      const states = wf.states as readonly string[];
      for (const t of Object.values(wf.transitions)) {
        for (const s of [...t.from, t.to]) expect(states).toContain(s);
      }
      for (const set of Object.values(wf.sets)) for (const s of set) expect(states).toContain(s);
    }
  });

  for (const [label, wf, expected] of [
    ['accession', ACCESSION_WORKFLOW, ACCESSION_EXPECTED],
    ['report', REPORT_WORKFLOW, REPORT_EXPECTED],
  ] as const) {
    it(`${label}: the transitions are exactly the expected ones`, () => {
      expect(Object.keys(wf.transitions).sort()).toEqual(Object.keys(expected).sort());
      for (const [name, e] of Object.entries(expected)) {
        const t = (wf.transitions as Record<string, { from: readonly string[]; to: string }>)[name]!;
        expect([...t.from].sort(), name).toEqual([...e.from].sort());
        expect(t.to, name).toBe(e.to);
      }
    });

    it(`${label}: every transition × state × actor (public, own / other secretary, staff, admin)`, () => {
      let cases = 0;
      for (const [name, e] of Object.entries(expected)) {
        for (const state of wf.states) {
          for (const [who, actor] of Object.entries(ACTORS)) {
            const allowed = e.from.includes(state) && e.who.includes(who as Who);
            expect(canTransition(actor, wf, name as never, state, { municipalityId: own }), `${label}.${name} from ${state} by ${who}`).toBe(allowed);
            cases += 1;
          }
        }
      }
      expect(cases).toBe(Object.keys(expected).length * wf.states.length * Object.keys(ACTORS).length);
    });
  }

  it('an own-only transition needs the municipality', () => {
    expect(canTransition(ACTORS.secretaryOwn, ACCESSION_WORKFLOW, 'submit', 'DRAFT')).toBe(false);
    expect(canTransition(ACTORS.secretaryOwn, REPORT_WORKFLOW, 'submit', 'RETURNED', { municipalityId: own })).toBe(true);
    expect(canTransition(ACTORS.staff, REPORT_WORKFLOW, 'accept', null)).toBe(false);
  });

  it('name the editable, published, member and delivered states once', () => {
    const editable = ACCESSION_WORKFLOW.states.filter((s) => accessionIs('editable', s));
    expect(editable).toEqual(['DRAFT', 'RETURNED']);
    expect(ACCESSION_WORKFLOW.states.filter((s) => accessionIs('published', s))).toEqual(['VERIFIED', 'WITHDRAWN']);
    expect(ACCESSION_WORKFLOW.states.filter((s) => accessionIs('member', s))).toEqual(['VERIFIED']);
    expect(REPORT_WORKFLOW.states.filter((s) => reportIs('editable', s))).toEqual(['DRAFT', 'RETURNED']);
    expect(REPORT_WORKFLOW.states.filter((s) => reportIs('delivered', s))).toEqual(['SUBMITTED', 'ACCEPTED']);
    expect(REPORT_WORKFLOW.states.filter((s) => reportIs('published', s))).toEqual(['ACCEPTED']);
    expect(accessionIs('editable', undefined)).toBe(false);
    expect(reportIs('delivered', null)).toBe(false);
    // The editable states are exactly those the secretary's submission starts from.
    expect([...ACCESSION_WORKFLOW.transitions.submit.from]).toEqual([...ACCESSION_WORKFLOW.sets.editable]);
    expect([...REPORT_WORKFLOW.transitions.submit.from]).toEqual([...REPORT_WORKFLOW.sets.editable]);
  });

  it('give SQL the same lists, as enum literals', () => {
    expect(reportStatesSql('delivered').sql).toBe(`'SUBMITTED', 'ACCEPTED'`);
    expect(reportStatesSql('delivered').values).toEqual([]);
    expect(accessionStatesSql('published').sql).toBe(`'VERIFIED', 'WITHDRAWN'`);
  });
});

describe('roles, declared once (lib/authz)', () => {
  it('are the database enum', () => {
    expect([...ROLES].sort()).toEqual(Object.values(Role).sort());
  });

  it('the municipal role and who receives staff notices come from the tables', () => {
    expect(ROLES.filter(isMunicipalRole)).toEqual(['SECRETARY']);
    expect([...rolesWith('progress.review')].sort()).toEqual(['ADMIN', 'STAFF']);
  });
});
