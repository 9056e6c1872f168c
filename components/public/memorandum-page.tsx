import type { Locale, Translate } from '@/lib/i18n';
import { parseMemorandumText, type findMemorandum } from '@/lib/memorandum/queries';
import { Section } from '@/components/ui/section';

type Memorandum = NonNullable<Awaited<ReturnType<typeof findMemorandum>>>;

/** The memorandum's text in the page's language, its commitments, issuers and source. */
export function MemorandumPage({ locale, t, memo }: { locale: Locale; t: Translate; memo: Memorandum }) {
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
        <Section id="commitments" heading={t('memorandum.commitmentsHeading')} headingClassName="mb-3 text-xl font-semibold">
          <ol className="list-decimal space-y-3 pl-5">
            {memo.commitments.map((c) => (
              <li key={c.key} id={`commitment-${c.key}`}>
                <strong>{locale === 'lv' ? c.shortLv : c.shortEn}</strong>
                <p className="text-sm">{locale === 'lv' ? c.textLv : c.textEn}</p>
              </li>
            ))}
          </ol>
        </Section>
        <Section id="issuers" heading={t('memorandum.issuedBy')} headingClassName="mb-3 text-xl font-semibold">
          <ul className="space-y-3">
            {memo.issuers.map((i) => (
              <li key={i.nameLv}>
                <strong>{locale === 'lv' ? i.nameLv : i.nameEn}</strong>
                <br />
                {t('memorandum.issuerSigned2021', { name: i.signedBy, role: locale === 'lv' ? i.roleLv : i.roleEn })}
              </li>
            ))}
          </ul>
        </Section>
        <Section id="source" heading={t('memorandum.sourceHeading')} headingClassName="mb-3 text-xl font-semibold">
          <p className="text-sm" lang="en">
            {memo.sourceNote}
          </p>
          {locale === 'en' ? <p className="text-sm">{t('memorandum.translationNote')}</p> : null}
        </Section>
      </aside>
    </div>
  );
}
