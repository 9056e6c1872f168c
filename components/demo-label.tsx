import type { Translate } from '@/lib/i18n';

/** The visible "DEMO data" label of a demo accession or report (npm run demo; lib/seed/demo.ts): shown wherever such a row shows. */
export function DemoLabel({ isDemo, t, className = '' }: { isDemo: boolean; t: Translate; className?: string }) {
  if (!isDemo) return null;
  return (
    <span className={`text-xs font-bold ${className}`.trim()} data-testid="demo-label">
      {t('common.demo')}
    </span>
  );
}
