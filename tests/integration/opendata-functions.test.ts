/** The open data API: its data access functions (split from opendata.test.ts, same setup). */

import { beforeAll, describe, expect, it } from 'vitest';

import { listOpenAccessions, listOpenMunicipalities, openDataModified } from '@/lib/opendata/queries';
import { ACCESSION_FIELDS, MUNICIPALITY_FIELDS } from '@/lib/opendata/fields';

import { resetDatabase } from './db-utils';
import { buildStates } from './support/opendata';

describe('open data API', () => {
  let verifiedDocSha = '';
  beforeAll(async () => {
    await resetDatabase();
    ({ verifiedDocSha } = await buildStates());
  });

  describe('data access functions', () => {
    it('list every municipality of the current term with its public status only', async () => {
      const data = await listOpenMunicipalities({});
      expect(data.term).toBe('2021-2025');
      expect(data.rows).toHaveLength(43);
      const status = Object.fromEntries(data.rows.map((r) => [r.item.slug, r.item.status]));
      expect(status).toMatchObject({
        // Recorded from a published source, not checked against a document (QA s13 M3, ADR 0221).
        liepaja: 'recorded',
        'jekabpils-novads': 'recorded',
        'ogres-novads': 'verified',
        'talsu-novads': 'withdrawn',
        'dobeles-novads': 'awaiting_verification',
        'cesu-novads': 'not_joined',
        'gulbenes-novads': 'not_joined',
        riga: 'not_joined',
      });
      for (const r of data.rows) expect(Object.keys(r.item)).toEqual(MUNICIPALITY_FIELDS.map((f) => f.name));
      expect(data.rows.every((r) => r.geometry === null)).toBe(true);
    });

    it('list only verified, recorded and withdrawn accessions, with their documents', async () => {
      const data = await listOpenAccessions({ origin: 'https://portal.example' });
      expect(data.rows.map((r) => `${r.item.municipality_slug}:${r.item.status}`).sort()).toEqual([
        'jekabpils-novads:recorded',
        'liepaja:recorded',
        'ogres-novads:verified',
        'talsu-novads:withdrawn',
      ]);
      const ogre = data.rows.find((r) => r.item.municipality_slug === 'ogres-novads')!.item;
      expect(ogre.documents).toHaveLength(1);
      expect(ogre.documents[0]).toMatchObject({
        sha256: verifiedDocSha,
        media_type: 'application/pdf',
        kind: 'decision',
        url: expect.stringMatching(/^https:\/\/portal\.example\/api\/documents\/[a-z0-9]+$/),
      });
      expect(ogre.verified_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(ogre.session_date).toBe('2021-08-19');
      const talsi = data.rows.find((r) => r.item.municipality_slug === 'talsu-novads')!.item;
      expect(talsi).toMatchObject({ status: 'withdrawn', withdrawal_reason: 'Dome atcēla lēmumu.', withdrawn_at: expect.stringMatching(/Z$/) });
      const jekabpils = data.rows.find((r) => r.item.municipality_slug === 'jekabpils-novads')!.item;
      expect(jekabpils).toMatchObject({
        session_date: '2021-06-15',
        session_year_inferred: true,
        session_type: 'extraordinary',
        signatory_name: 'Aivars Vanags',
      });
      for (const r of data.rows) expect(Object.keys(r.item)).toEqual(ACCESSION_FIELDS.map((f) => f.name));
    });

    it('know when the public data last changed', async () => {
      const modified = await openDataModified();
      expect(modified).toBeInstanceOf(Date);
      expect(Date.now() - modified!.getTime()).toBeLessThan(10 * 60_000);
    });

    it('refuse an unknown term with NOT_FOUND', async () => {
      await expect(listOpenMunicipalities({ term: '1999-2003' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(listOpenAccessions({ term: '1999-2003', origin: 'http://localhost' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
