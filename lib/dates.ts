/** A calendar date 'YYYY-MM-DD' as a Date at UTC midnight (how DATE columns are read and written). */
export const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
