import type { ReactNode } from 'react';

const inputClass = { normal: 'rounded border border-gray-500 px-3 py-2', compact: 'rounded border border-gray-500 px-3 py-1.5' };

/**
 * One labelled field of a GET filter form: a select with an "any" first option, or an input of the given type.
 * Plain HTML (no client code): the public pages use it too (tests/unit/site/public-no-client-code.test.ts).
 * `compact` gives the smaller label and field of the home page and dashboard filters; `hint` a line under the field
 * that describes it (id `<id>-hint`).
 */
export function FilterField({
  id,
  name,
  label,
  defaultValue,
  invalid,
  wide,
  compact,
  hint,
  any,
  options,
  type,
  maxLength,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  invalid?: true;
  /** Caps a select's width (long option texts). */
  wide?: boolean;
  compact?: boolean;
  hint?: string;
  any?: string;
  options?: readonly { value: string; label: ReactNode }[];
  type?: 'search' | 'date';
  maxLength?: number;
}) {
  const base = compact ? inputClass.compact : inputClass.normal;
  const className = wide ? `${base} max-w-xs` : base;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={compact ? 'block text-sm font-medium' : 'block font-medium'}>
        {label}
      </label>
      {options ? (
        <select id={id} name={name} defaultValue={defaultValue} aria-invalid={invalid} className={className}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          maxLength={maxLength}
          aria-describedby={hintId}
          aria-invalid={invalid}
          className={className}
        />
      )}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The submit button and the reset link (a plain link: a full page load) that end a compact filter form. */
export function CompactFilterButtons({ apply, reset, resetHref }: { apply: string; reset: string; resetHref: string }) {
  return (
    <>
      <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
        {apply}
      </button>
      <a href={resetHref} className="py-1.5">
        {reset}
      </a>
    </>
  );
}
