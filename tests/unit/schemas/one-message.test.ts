import { describe, expect, it } from 'vitest';
import { ZCreateInvitationSchema } from '@/lib/schemas/auth';
import { lookup } from '@/lib/i18n';

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  (r.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);

describe('one clear message per field (QA s13)', () => {
  it('an invitation without a municipality: "Šis lauks ir obligāts." only, not also "Nederīga vērtība."', () => {
    expect(issuesOf(ZCreateInvitationSchema.safeParse({ email: 'a@b.lv', municipalitySlug: '' }), 'municipalitySlug')).toEqual(['validation.required']);
    expect(issuesOf(ZCreateInvitationSchema.safeParse({ email: 'a@b.lv', municipalitySlug: '  ' }), 'municipalitySlug')).toEqual(['validation.required']);
    expect(issuesOf(ZCreateInvitationSchema.safeParse({ email: 'a@b.lv', municipalitySlug: '../riga' }), 'municipalitySlug')).toEqual(['validation.invalid']);
  });

  it('the reasons staff must give say "(obligāts)" / "(required)" in their labels', () => {
    for (const key of ['accession.returnLabel', 'accession.withdrawLabel', 'progress.returnLabel']) {
      expect(lookup('lv', key)).toContain('(obligāts');
      expect(lookup('en', key)).toContain('(required');
    }
  });
});
