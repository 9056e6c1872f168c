'use client';
import type { RefObject } from 'react';
import type { CommitmentKey, EditorIndicator, EditorLabels } from './editor-types';

/** The id of a field's input for an error path ('commitments.staff.actions.0.title' → 'staff-a0-title'). */
function inputIdOf(path: string): string | null {
  const ind = /^indicators\.(\w+)$/.exec(path);
  if (ind) return `ind-${ind[1]}`;
  const act = /^commitments\.(\w+)\.actions\.(\d+)\.(\w+)$/.exec(path);
  if (act) return `${act[1]}-a${act[2]}-${act[3]}`;
  const sec = /^commitments\.(\w+)\.(\w+)$/.exec(path);
  if (sec) return `${sec[1]}-${sec[2]}`;
  return null;
}

/**
 * The error summary at the top of the editor (GOV.UK pattern): each error named by its field's label and linking to
 * the field. Nothing when there are no errors.
 */
export function ErrorSummary({
  fieldErrors,
  indicators,
  commitmentTitles,
  labels,
  summary,
}: {
  fieldErrors: Record<string, string[]>;
  indicators: EditorIndicator[];
  commitmentTitles: Record<CommitmentKey, string>;
  labels: EditorLabels;
  summary: RefObject<HTMLDivElement | null>;
}) {
  const labelOf = (path: string): string => {
    const ind = /^indicators\.(\w+)$/.exec(path);
    if (ind) return indicators.find((i) => i.key === ind[1])?.label ?? path;
    const act = /^commitments\.(\w+)\.actions\.(\d+)\.(\w+)$/.exec(path);
    if (act)
      return `${commitmentTitles[act[1] as CommitmentKey] ?? ''} · ${labels.actionN!.replace('{n}', String(Number(act[2]) + 1))} · ${labels[act[3]!] ?? labels.actionTitle}`;
    const sec = /^commitments\.(\w+)\.(\w+)$/.exec(path);
    if (sec) return `${commitmentTitles[sec[1] as CommitmentKey] ?? ''} · ${labels[sec[2] === 'narrative' ? 'narrative' : 'commitmentStatus']}`;
    return labels.errorSummary!;
  };
  const errorPaths = Object.keys(fieldErrors).filter((p) => fieldErrors[p]?.length);
  if (errorPaths.length === 0) return null;
  return (
    <div ref={summary} tabIndex={-1} aria-labelledby="error-summary-title" className="rounded border-4 border-bad p-4 outline-none" data-testid="error-summary">
      <h2 id="error-summary-title" className="text-xl font-semibold">
        {labels.errorSummary}
      </h2>
      <p>{labels.errorSummaryLead}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errorPaths.map((p) => {
          const id = inputIdOf(p);
          return (
            <li key={p}>
              {id ? (
                <a
                  href={`#${id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(id)?.focus();
                    document.getElementById(id)?.scrollIntoView({ block: 'center' });
                  }}
                  className="font-medium text-bad"
                >
                  {labelOf(p)}: {fieldErrors[p]![0]}
                </a>
              ) : (
                <span>{fieldErrors[p]![0]}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
