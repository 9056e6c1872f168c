import type { Widen } from '../lv';

/** UI strings of reports addressed by term and year (ADR 0215) and of periods not owed; en must have every key of lv. */
const lv = {
  qualifierTerm: 'sasaukums {term}',
  qualifierMonths: '{months}, sasaukums {term}',
  reportFor: '{year}. gada ziņojums ({qualifier})',
  editorTitle: '{name}: {year}. gada progresa ziņojums ({qualifier})',
  notOpenYet: 'Ziņošana par šo sasaukumu vēl nav atvērta: biedrību darbinieki to sagatavo pēc sasaukuma sākuma. Tad šeit varēs aizpildīt ziņojumu.',
  notMember: 'Pašvaldība sasaukumā {term} nav memoranda parakstītāja (tās pievienošanās nav pārbaudīta), tāpēc par to ziņojumu iesniegt nevar.',
  notOwed: 'Nav jāiesniedz',
  notOwedPublic: 'Ziņojums nav jāiesniedz (periods sākās pirms domes lēmuma).',
  notOwedEditor:
    'Šis ziņojums nav jāiesniedz: ziņot jāsāk par pirmo periodu, kas sākas pēc domes lēmuma dienas. Ja vēlaties, to var aizpildīt un iesniegt brīvprātīgi; termiņa nav.',
  noDeadline: '—',
  chooseHeading: '{year}. gadam ir vairāki ziņošanas periodi',
  chooseIntro: 'Gads pieder diviem sasaukumiem. Izvēlieties ziņojumu:',
  ambiguousYear: 'Šim gadam ir vairāki ziņošanas periodi (divos sasaukumos); adresē norādiet arī sasaukumu, piemēram, …/2021-2025/2025.',
};

const en: Widen<typeof lv> = {
  qualifierTerm: 'term {term}',
  qualifierMonths: '{months}, term {term}',
  reportFor: 'Report for {year} ({qualifier})',
  editorTitle: '{name}: progress report {year} ({qualifier})',
  notOpenYet: 'Reporting for this term is not open yet: association staff prepare it after the term begins. The report can then be filled in here.',
  notMember: 'The municipality is not a signatory in the {term} term (its joining has not been verified), so it cannot report for it.',
  notOwed: 'Not owed',
  notOwedPublic: 'No report owed (the period began before the council decision).',
  notOwedEditor:
    'This report is not owed: reports are owed from the first period that begins after the council decision. You may still fill it in and submit it voluntarily; there is no deadline.',
  noDeadline: '—',
  chooseHeading: '{year} has more than one reporting period',
  chooseIntro: 'The year belongs to two council terms. Choose a report:',
  ambiguousYear: 'This year has more than one reporting period (in two council terms); name the term in the address too, e.g. …/2021-2025/2025.',
};

export const reportsMessages = { lv, en };
