import { describe, expect, it } from 'vitest';
import { PERMISSIONS, PERMISSION_NAMES, can, requirePermission, type Actor } from '@/lib/authz';

const own = 'm-own';
const actors: Record<string, Actor | null> = {
  public: null,
  secretary: { id: 's', role: 'SECRETARY', municipalityId: own },
  staff: { id: 't', role: 'STAFF', municipalityId: null },
  admin: { id: 'a', role: 'ADMIN', municipalityId: null },
};

/** The expected answer for every permission × actor × own/other municipality. */
const MATRIX: Record<string, { secretaryOwn: boolean; secretaryOther: boolean; staff: boolean; admin: boolean }> = {
  'secretary.view': { secretaryOwn: true, secretaryOther: false, staff: true, admin: true },
  'accession.record': { secretaryOwn: true, secretaryOther: false, staff: false, admin: false },
  'accession.upload': { secretaryOwn: true, secretaryOther: false, staff: false, admin: false },
  'accession.submit': { secretaryOwn: true, secretaryOther: false, staff: false, admin: false },
  'accession.view-draft': { secretaryOwn: true, secretaryOther: false, staff: true, admin: true },
  'accession.verify': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'accession.return': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'accession.withdraw': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'document.view-unpublished': { secretaryOwn: true, secretaryOther: false, staff: true, admin: true },
  'signature.recheck': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'progress.edit': { secretaryOwn: true, secretaryOther: false, staff: false, admin: false },
  'progress.view-draft': { secretaryOwn: true, secretaryOther: false, staff: true, admin: true },
  'progress.review': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'reporting.manage': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'staff.view': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'invitation.create': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'invitation.list': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'audit.view': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'invitation.manage': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'user.list': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'user.manage-secretary': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'user.manage-staff': { secretaryOwn: false, secretaryOther: false, staff: false, admin: true },
  'dashboard.export': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'term.manage': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'officialData.import': { secretaryOwn: false, secretaryOther: false, staff: true, admin: true },
  'outbox.view': { secretaryOwn: false, secretaryOther: false, staff: false, admin: true },
};

describe('permission table', () => {
  it('has a matrix row for every permission', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  for (const name of PERMISSION_NAMES) {
    it(`${name}`, () => {
      const row = MATRIX[name]!;
      expect(can(actors.public!, name, { municipalityId: own })).toBe(false);
      expect(can(actors.secretary!, name, { municipalityId: own })).toBe(row.secretaryOwn);
      expect(can(actors.secretary!, name, { municipalityId: 'm-other' })).toBe(row.secretaryOther);
      expect(can(actors.staff!, name, { municipalityId: own })).toBe(row.staff);
      expect(can(actors.admin!, name, { municipalityId: own })).toBe(row.admin);
    });
  }

  it('an own-only rule without a target municipality says no', () => {
    const ownOnly = PERMISSION_NAMES.filter((p) => (PERMISSIONS[p] as { ownOnly?: readonly string[] }).ownOnly?.includes('SECRETARY'));
    for (const p of ownOnly) expect(can(actors.secretary!, p)).toBe(false);
  });

  it('requirePermission throws UNAUTHENTICATED without a session and FORBIDDEN when denied', () => {
    expect(() => requirePermission(null, 'staff.view')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => requirePermission(actors.secretary!, 'staff.view')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(requirePermission(actors.staff!, 'staff.view')).toBe(actors.staff);
  });
});
