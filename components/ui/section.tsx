import type { ReactNode } from 'react';

/**
 * A section named by its heading: the heading's id is the section's `aria-labelledby`, so the two cannot drift apart.
 * Plain HTML (no client code): the public pages use it too.
 */
export function Section({
  id,
  heading,
  className,
  headingClassName = 'text-2xl font-semibold',
  children,
}: {
  id: string;
  heading: ReactNode;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={headingClassName}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
