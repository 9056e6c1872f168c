import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, lookup } from '@/lib/i18n';

/**
 * Latvian messages that take a date or a name as it is formatted (the
 * nominative: "2021. gada 22. jūlijs", "Madonas novads") must read right with
 * it (QA s13): after a verb or a preposition Latvian needs another case
 * ("publicēts 2021. gada 22. jūlijā", "pievienota Madonas novadam"), so each is
 * phrased with a colon or in brackets instead. Each exact text below is what a
 * page shows; the dates are real ones from the portal's data.
 */
const lv = (key: string, vars: Record<string, string>) => lookup('lv', key, vars);
const day = (iso: string) => formatDate('lv', iso);
const moment = (iso: string) => formatDateTime('lv', new Date(iso));

describe('Latvian messages with a nominative date or name (QA s13)', () => {
  it('dates as the formatter writes them are nominative (what the messages must be phrased for)', () => {
    expect(day('2021-07-22')).toBe('2021. gada 22. jūlijs');
    expect(moment('2026-05-05T10:00:00Z')).toBe('2026. gada 5. maijs 13:00');
  });

  it.each([
    ['terms.citationPublished', { date: day('2021-07-22') }, 'publicēts: 2021. gada 22. jūlijs'],
    [
      'terms.beforeTermStart',
      { date: day('2021-06-15'), start: day('2021-07-01') },
      'Lēmuma datums (2021. gada 15. jūnijs) ir pirms pilnvaru laika sākuma (2021. gada 1. jūlijs): jaunievēlētā dome sanāca, pirms jaunā pašvaldība oficiāli sāka darbu.',
    ],
    [
      'signatures.listOutdated',
      { date: day('2024-03-12') },
      'Izmantotais saraksts bija novecojis (nākamās atjaunināšanas paredzētais datums: 2024. gada 12. marts).',
    ],
    [
      'terms.endedItem',
      { name: 'Varakļānu novads', date: day('2025-06-30'), successor: 'Madonas novads' },
      'Varakļānu novads (pēdējā diena: 2025. gada 30. jūnijs) — pēctece: Madonas novads. Tās vēsture netiek pārcelta uz pēcteci.',
    ],
    ['municipality.successor', { name: 'Madonas novads' }, 'Pievienota citai pašvaldībai: Madonas novads'],
    [
      'terms.notInTerm',
      { successor: 'Madonas novads' },
      'Pašvaldība pašreizējā pilnvaru laikā vairs nepastāv (tā ir apvienota; pēctece: Madonas novads). Tās vēsture ir saglabāta.',
    ],
    [
      'terms.mergedInto',
      { successor: 'Madonas novads', date: day('2025-07-01') },
      'Šī pašvaldība ir apvienota ar citu (pēctece: Madonas novads; spēkā no: 2025. gada 1. jūlijs). Tās dalības vēsture paliek šeit.',
    ],
    ['officialData.citationRetrieved', { date: day('2025-03-12') }, 'izgūts: 2025. gada 12. marts'],
    ['officialData.retrieved', { date: day('2025-05-02') }, 'lejupielādēts: 2025. gada 2. maijs'],
    ['terms.opened', { date: moment('2026-03-02T08:00:00Z') }, 'Ziņošana sagatavota: 2026. gada 2. marts 10:00'],
    ['secretaryYear.submittedOn', { date: moment('2026-03-02T08:00:00Z') }, 'iesniegts: 2026. gada 2. marts 10:00'],
    [
      'secretaryYear.sentLead',
      { date: moment('2026-05-05T10:00:00Z') },
      'Tieši tas, kas tika nosūtīts biedrībai (nosūtīts: 2026. gada 5. maijs 13:00). To var izdrukāt vai lejupielādēt kā PDF.',
    ],
    ['mail.outbox.sentAt', { date: moment('2026-05-05T10:00:00Z') }, 'Nosūtīta: 2026. gada 5. maijs 13:00'],
    ['users.sentTimes', { count: '2', at: moment('2026-05-05T10:00:00Z') }, '2× · pēdējoreiz: 2026. gada 5. maijs 13:00'],
    ['users.inactiveSince', { at: moment('2026-05-05T10:00:00Z') }, 'deaktivizēts: 2026. gada 5. maijs 13:00'],
    [
      'signatures.factServiceValue',
      { name: 'EID-SK 2016', type: 'CA/QC', provider: 'SK ID Solutions', status: 'granted', since: day('2016-07-01') },
      'EID-SK 2016 (CA/QC), SK ID Solutions: statuss “granted”, spēkā no: 2016. gada 1. jūlijs',
    ],
    [
      'signatures.factListValue',
      { list: '41', issued: day('2023-09-12'), computed: moment('2026-05-05T10:00:00Z') },
      'Nr. 41, izdošanas datums: 2023. gada 12. septembris; pārbaudīts: 2026. gada 5. maijs 13:00',
    ],
    [
      'signatures.warnSignedBeforeSession',
      { signed: moment('2026-03-02T08:00:00Z'), session: day('2026-03-26') },
      'Parakstīšanas laiks (2026. gada 2. marts 10:00) ir pirms domes sēdes (2026. gada 26. marts).',
    ],
    [
      'signatures.warnSignedLongAfterSession',
      { signed: moment('2026-05-05T10:00:00Z'), session: day('2026-03-26'), days: '30' },
      'Parakstīšanas laiks (2026. gada 5. maijs 13:00) ir vairāk nekā 30 dienas pēc domes sēdes (2026. gada 26. marts).',
    ],
  ])('%s', (key, vars, expected) => expect(lv(key, vars)).toBe(expected));
});
