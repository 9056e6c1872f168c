import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageLocale } from '@/lib/i18n/page';
import { pageAlternates } from '@/lib/site/alternates';
import { findMemorandum, parseMemorandumText } from '@/lib/memorandum/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale, t } = await pageLocale(params);
  return { title: t('nav.memorandum'), alternates: pageAlternates(locale, '/memorandum') };
}

export default async function MemorandumPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const memo = await findMemorandum();
  if (!memo) notFound();
  const { title, blocks } = parseMemorandumText(locale === 'lv' ? memo.textLv : memo.textEn);
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <article className="prose-memo max-w-3xl" lang={locale}>
        <h1>{title}</h1>
        {blocks.map((b, i) =>
          b.type === 'p' ? (
            <p key={i}>{b.text}</p>
          ) : (
            <ul key={i}>
              {b.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ),
        )}
      </article>
      <aside className="space-y-8">
        <section aria-labelledby="commitments">
          <h2 id="commitments" className="mb-3 text-xl font-semibold">
            {t('memorandum.commitmentsHeading')}
          </h2>
          <ol className="list-decimal space-y-3 pl-5">
            {memo.commitments.map((c) => (
              <li key={c.key} id={`commitment-${c.key}`}>
                <strong>{locale === 'lv' ? c.shortLv : c.shortEn}</strong>
                <p className="text-sm">{locale === 'lv' ? c.textLv : c.textEn}</p>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="issuers">
          <h2 id="issuers" className="mb-3 text-xl font-semibold">
            {t('memorandum.issuedBy')}
          </h2>
          <ul className="space-y-3">
            {memo.issuers.map((i) => (
              <li key={i.nameLv}>
                <strong>{locale === 'lv' ? i.nameLv : i.nameEn}</strong>
                <br />
                {i.signedBy}, {locale === 'lv' ? i.roleLv : i.roleEn}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="source">
          <h2 id="source" className="mb-3 text-xl font-semibold">
            {t('memorandum.sourceHeading')}
          </h2>
          <p className="text-sm" lang="en">
            {memo.sourceNote}
          </p>
          {locale === 'en' ? <p className="text-sm">{t('memorandum.translationNote')}</p> : null}
        </section>
      </aside>
    </div>
  );
}
