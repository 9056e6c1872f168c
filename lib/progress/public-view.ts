import 'server-only';
import { findMemorandum } from '@/lib/memorandum/queries';
import { findPublicProgress, indicatorSeries, ratioSeries } from './public';
import { findYearMedians, type MedianTable, type YearMedian } from './medians';

export type TPublicProgressView = Awaited<ReturnType<typeof findPublicProgressView>>;

/**
 * Everything the public progress section of a municipality shows, read
 * before rendering (the public pages render synchronous components): the
 * periods and accepted reports, the legal norm, the commitment titles'
 * source, the indicator and ratio series and, only when there are charts,
 * the medians of every year shown (one query).
 */
export async function findPublicProgressView(municipalityId: string) {
  const [{ periods, norm }, memo] = await Promise.all([findPublicProgress(municipalityId), findMemorandum()]);
  const series = indicatorSeries(periods).filter((s) => s.points.some((p) => p.value !== null));
  const ratio = ratioSeries(periods);
  const showRatio = ratio.some((p) => p.value !== null);
  const medians: MedianTable =
    series.length > 0 || showRatio ? await findYearMedians([...new Set(periods.map((p) => p.year))]) : new Map<string, Map<number, YearMedian>>();
  return { periods, norm, memo, series, ratio, showRatio, medians };
}
