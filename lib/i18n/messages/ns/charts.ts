import type { Widen } from '../lv';

/** UI strings of the progress charts (issue 13: values on bars, legal minimum, median of reporting municipalities); en must have every key of lv. */
const lv = {
  ratioTitle: 'Sociālā darba speciālisti uz 1 000 iedzīvotājiem',
  legendOwn: 'Šī pašvaldība',
  legendMedian: 'Mediāna: visas pašvaldības ar pieņemtu ziņojumu par to pašu gadu',
  legendNorm: 'Likumā noteiktais minimums',
  normLine: 'minimums {value}',
  medianColumn: 'Mediāna (pašvaldību skaits)',
  medianCell: '{value} (n = {n})',
  normColumn: 'Likumā noteiktais minimums',
  noMedian: 'nerāda (ziņojušas mazāk nekā 3 pašvaldības)',
  normNotRecorded: 'nav ievadīts ar avotu',
  describeMedian: 'mediāna {value} no {n} pašvaldībām',
  describeNorm: 'minimums {value}',
  medianNote:
    'Mediāna aprēķināta no jaunākajiem pieņemtajiem ziņojumiem par attiecīgo gadu, ieskaitot šo pašvaldību; to nerāda, ja ziņojušas mazāk nekā 3 pašvaldības.',
};

const en: Widen<typeof lv> = {
  ratioTitle: 'Social work specialists per 1,000 residents',
  legendOwn: 'This municipality',
  legendMedian: 'Median: all municipalities with an accepted report for the same year',
  legendNorm: 'Legal minimum',
  normLine: 'minimum {value}',
  medianColumn: 'Median (number of municipalities)',
  medianCell: '{value} (n = {n})',
  normColumn: 'Legal minimum',
  noMedian: 'not shown (fewer than 3 municipalities reported)',
  normNotRecorded: 'not recorded with a source',
  describeMedian: 'median {value} of {n} municipalities',
  describeNorm: 'minimum {value}',
  medianNote:
    'The median is taken over the latest accepted reports for that year, this municipality included; it is not shown when fewer than 3 municipalities reported.',
};

export const chartsMessages = { lv, en };
