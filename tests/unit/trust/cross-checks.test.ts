import { describe, expect, it } from 'vitest';
import { crossCheckSignature, normalizePersonName } from '@/lib/trust/cross-checks';

const decision = { sessionDate: '2026-05-21', signatoryName: 'Jānis Rozenbergs' };

describe('cross-checks of a signature against its decision', () => {
  it('same person in another spelling and word order: no warning', () => {
    expect(normalizePersonName('ROZENBERGS JANIS')).toBe(normalizePersonName('Jānis Rozenbergs'));
    expect(crossCheckSignature({ signerName: 'JĀNIS ROZENBERGS', signingTime: '2026-05-22T08:00:00Z', timestampTime: null }, decision)).toEqual([]);
  });

  it('the day is the Riga calendar day: 22:30 UTC on the 20th is 01:30 on the session day; 20:00 UTC is 23:00 the day before', () => {
    expect(crossCheckSignature({ signerName: 'Jānis Rozenbergs', signingTime: '2026-05-20T22:30:00Z', timestampTime: null }, decision)).toEqual([]);
    expect(
      crossCheckSignature({ signerName: 'Jānis Rozenbergs', signingTime: '2026-05-20T20:00:00Z', timestampTime: null }, decision).map((w) => w.kind),
    ).toEqual(['signed_before_session']);
  });

  it('signed before the session, long after it, or by someone else: each is a warning (the time stamp wins over the claimed time)', () => {
    expect(
      crossCheckSignature({ signerName: 'Jānis Rozenbergs', signingTime: '2026-05-19T10:00:00Z', timestampTime: null }, decision).map((w) => w.kind),
    ).toEqual(['signed_before_session']);
    expect(
      crossCheckSignature({ signerName: 'Jānis Rozenbergs', signingTime: '2026-05-22T10:00:00Z', timestampTime: '2026-09-30T10:00:00Z' }, decision).map(
        (w) => w.kind,
      ),
    ).toEqual(['signed_long_after_session']);
    expect(crossCheckSignature({ signerName: 'Anna Liepa', signingTime: '2026-05-22T10:00:00Z', timestampTime: null }, decision)).toEqual([
      { kind: 'signer_not_signatory', signer: 'Anna Liepa', named: 'Jānis Rozenbergs' },
    ]);
  });
});
