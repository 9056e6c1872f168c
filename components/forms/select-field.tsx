'use client';
import { describedBy, FieldFrame } from './field';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={errors?.length ? errors.join(' ') : undefined}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="w-full max-w-md rounded border border-gray-500 px-3 py-2"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
