'use client';
import { useRouter } from 'next/navigation';

export function SignOutButton({ locale, label }: { locale: string; label: string }) {
  const router = useRouter();
  async function onClick() {
    await fetch('/api/session', { method: 'DELETE', headers: { 'x-locale': locale } });
    router.replace(`/${locale}`);
    router.refresh();
  }
  return (
    <button type="button" onClick={() => void onClick()} className="rounded border border-gray-500 px-3 py-1">
      {label}
    </button>
  );
}
