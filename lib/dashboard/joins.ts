export type JoinPoint = { date: string; count: number; added: number };
/**
 * Cumulative joins over the current term (staff dashboard): each VERIFIED
 * accession of a municipality of the term, dated by its council decision
 * (session date), else by the day (in Latvia) of its verification; withdrawn
 * ones do not count. Grouped by date in SQL in the dashboard's matrix query
 * (lib/dashboard/metrics `JOINS_CTE` and `HEADLINE_COLUMNS`, read by `headlineFromRow`).
 */
export type JoinsSeries = {
  term: { slug: string; label: string; startsOn: string; endsOn: string };
  /** One point per date with a join: the cumulative count after that date. */
  points: JoinPoint[];
  /** Joined municipalities in total (equals the headline's "joined"). */
  total: number;
  /** Verified accessions with neither a council decision date nor a verification time (counted in total, not on the time line). */
  undated: number;
};
