'use client';

/** A labelled select with its hint and error messages tied to it (aria-invalid, aria-describedby), as `Field` does for inputs. */
export function SelectField({
  name,
  label,
  hint,
  errors,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue: string;
  options: { value: string; label: string }[];
}) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="w-full max-w-md rounded border border-gray-500 px-3 py-2"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-bad">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
