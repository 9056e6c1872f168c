'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function RemoveDocumentButton({ slug, documentId, locale, label }: { slug: string; documentId: string; locale: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    const res = await fetch(`/api/accessions/${slug}/documents/${documentId}`, { method: 'DELETE', headers: { 'x-locale': locale } });
    if (!res.ok) setError(((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? `HTTP ${res.status}`);
    else router.refresh();
  }
  return (
    <>
      <button type="button" onClick={onClick} className="rounded border border-gray-500 px-2 py-0.5 text-sm">{label}</button>
      {error ? <span role="alert" className="text-sm text-bad">{error}</span> : null}
    </>
  );
}
