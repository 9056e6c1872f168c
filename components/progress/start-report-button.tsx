'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Opens (or starts) the report for one period: POST /api/progress/{slug}/{term}/{year} (ADR 0215). */
export function StartReportButton({
  slug,
  period,
  locale,
  label,
}: {
  slug: string;
  period: { termSlug: string; year: number };
  locale: string;
  label: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function start() {
    const res = await fetch(`/api/progress/${slug}/${period.termSlug}/${period.year}`, { method: 'POST', headers: { 'x-locale': locale } });
    if (res.ok) router.refresh();
    else setError(((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? String(res.status));
  }
  return (
    <div className="space-y-2">
      <button type="button" onClick={() => void start()} className="rounded bg-brand px-4 py-2 font-semibold text-white">
        {label}
      </button>
      {error ? (
        <p role="alert" className="text-bad">
          {error}
        </p>
      ) : null}
    </div>
  );
}
