import { formatNumber, formatPercent, type Locale, type Translate } from '@/lib/i18n';
import type { HeadlineMetrics } from '@/lib/dashboard/metrics';

function Card({ name, label, value, raw, note }: { name: string; label: string; value: string; raw: number | null; note?: string | null }) {
  return (
    <div data-testid={`metric-${name}`} className="rounded border border-gray-300 p-4">
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="text-3xl font-bold" data-value={raw ?? ''}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-sm text-muted">{note}</dd> : null}
    </div>
  );
}

/** The headline figures (lib/dashboard/metrics) as a definition list of cards. */
export function MetricCards({ m, locale, t }: { m: HeadlineMetrics; locale: Locale; t: Translate }) {
  const total = formatNumber(locale, m.total);
  const populationNote =
    m.populationKnown === 0
      ? t('dashboard.metricPopulationNone', { total })
      : m.populationUnknown === 0
        ? t('dashboard.metricPopulationAll', { total })
        : t('dashboard.metricPopulationKnown', { known: formatNumber(locale, m.populationKnown), total });
  /** A count: shown in the locale's format, its number in data-value. */
  const count = (n: number) => ({ value: formatNumber(locale, n), raw: n });
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <Card
        name="joined"
        label={t('dashboard.metricJoined')}
        value={t('dashboard.metricJoinedValue', { joined: formatNumber(locale, m.joined), total })}
        raw={m.joined}
      />
      <Card
        name="population-share"
        label={t('dashboard.metricPopulation')}
        value={m.populationShare === null ? t('common.unknown') : formatPercent(locale, m.populationShare)}
        raw={m.populationShare}
        note={populationNote}
      />
      <Card name="awaiting" label={t('dashboard.metricAwaiting')} {...count(m.awaiting)} note={t('dashboard.metricAwaitingNote')} />
      <Card name="overdue" label={t('dashboard.metricOverdue')} {...count(m.overdue)} note={t('dashboard.metricOverdueNote')} />
      <Card name="due30" label={t('dashboard.metricDueSoon', { days: m.dueSoonDays })} {...count(m.dueSoon)} note={t('dashboard.metricDueSoonNote')} />
    </dl>
  );
}
