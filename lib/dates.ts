/**
 * The one place for calendar days. The portal reasons in Latvian calendar
 * days (terms, deadlines, decision dates, audit filters); DATE columns are
 * read and written as UTC midnights. Pure functions, no clock: callers pass
 * the instant (lib/clock for "now").
 */

/** Latvia's time zone. */
export const RIGA_TIME_ZONE = 'Europe/Riga';

/** A calendar date 'YYYY-MM-DD' as a Date at UTC midnight (how DATE columns are read and written). */
export const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const RIGA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: RIGA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Latvia at `at`, as 'YYYY-MM-DD'. */
export function rigaIsoDay(at: Date): string {
  const parts = Object.fromEntries(RIGA_DATE.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The calendar day in Latvia at `at`, as a UTC-midnight Date (comparable with DATE columns). */
export const rigaDay = (at: Date): Date => utcDay(rigaIsoDay(at));

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: RIGA_TIME_ZONE, timeZoneName: 'longOffset' });

/** Riga's offset from UTC at `at`, in minutes (120 in winter, 180 in summer). */
function rigaOffsetMinutes(at: Date): number {
  const name = OFFSET.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant a calendar day 'YYYY-MM-DD' starts in Riga (Riga changes clocks at 03:00/04:00, never at midnight). */
export function rigaDayStart(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const first = utcMidnight - rigaOffsetMinutes(new Date(utcMidnight)) * 60_000;
  return new Date(utcMidnight - rigaOffsetMinutes(new Date(first)) * 60_000);
}
