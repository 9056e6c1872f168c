/** Test data shared by the integration tests: the Cēsu novads decision they record, and a legal minimum (neither is a real fact). */
import { db } from '@/lib/db/client';

/** The Cēsu novads council decision the accession, mail, backup, signature and crash tests record. */
export const decision = {
  councilBody: 'Cēsu novada dome',
  sessionDate: '2021-08-19',
  sessionType: 'REGULAR' as const,
  decisionNumber: '325 (prot. Nr. 12, 4. §)',
  agendaItem: null,
  signatoryName: 'Jānis Rozenbergs',
  signatoryRole: 'domes priekšsēdētājs',
};

/** A legal minimum of social work specialists per 1 000 residents (test fixture: the seed holds none until one is cited). */
export const createTestNorm = ({ validFrom = new Date('2009-01-01'), value = 1 }: { validFrom?: Date; value?: number } = {}) =>
  db().legalNorm.create({
    data: {
      key: 'social_work_specialists_per_1000',
      validFrom,
      value,
      unit: 'FTE per 1000 residents',
      citation: 'test fixture',
      sourceUrl: 'https://example.test',
    },
  });
