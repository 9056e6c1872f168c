'use client';
import { useLocaleT } from '@/lib/i18n/client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useLocaleT();
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-3xl font-bold">{t('errors.genericTitle')}</h1>
      <p>{t('errors.genericText')}</p>
      <button type="button" onClick={reset} className="rounded border border-gray-500 px-3 py-1">
        ↻
      </button>
    </div>
  );
}
