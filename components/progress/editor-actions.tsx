'use client';
import { INPUT_CLASS, type CommitmentKey, type EditorAction, type EditorFieldsContext } from './editor-types';

/** A commitment's actions: one row each (title, state, dates, budget, remove) and a button that adds one. */
export function ActionList({ commitment, actions, ctx }: { commitment: CommitmentKey; actions: EditorAction[]; ctx: EditorFieldsContext }) {
  const { update, labels } = ctx;
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="font-medium">{labels.actions}</legend>
      {actions.map((a, i) => (
        <ActionRow key={i} commitment={commitment} i={i} a={a} ctx={ctx} />
      ))}
      <button
        type="button"
        onClick={() =>
          update((d) => {
            d.commitments[commitment].actions.push({ title: '', status: 'PLANNED', plannedOn: '', doneOn: '', budgetEur: '' });
          })
        }
        className="rounded border border-gray-500 px-3 py-1 text-sm"
      >
        {labels.addAction}
      </button>
    </fieldset>
  );
}

/** One action of a commitment: title, state, planned and done dates, budget, and its remove button. */
function ActionRow({ commitment: key, i, a, ctx }: { commitment: CommitmentKey; i: number; a: EditorAction; ctx: EditorFieldsContext }) {
  const { update, labels } = ctx;
  const id = `${key}-a${i}`;
  return (
    <div
      role="group"
      aria-label={labels.actionN!.replace('{n}', String(i + 1))}
      className="grid gap-2 rounded bg-gray-50 p-2 md:grid-cols-6"
      data-testid={`action-${key}-${i}`}
    >
      <ActionTitle commitment={key} i={i} value={a.title} ctx={ctx} />
      <div>
        <label htmlFor={`${id}-status`}>{labels.actionStatus}</label>
        <select
          id={`${id}-status`}
          value={a.status}
          onChange={(e) =>
            update((d) => {
              d.commitments[key].actions[i]!.status = e.target.value as EditorAction['status'];
            })
          }
          className={INPUT_CLASS}
        >
          {(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const).map((s) => (
            <option key={s} value={s}>
              {labels[`as_${s}`]}
            </option>
          ))}
        </select>
      </div>
      {(['plannedOn', 'doneOn'] as const).map((f) => (
        <ActionInput key={f} commitment={key} i={i} field={f} value={a[f]} kind="day" ctx={ctx} />
      ))}
      <ActionInput commitment={key} i={i} field="budgetEur" value={a.budgetEur} kind="money" ctx={ctx} />
      <button
        type="button"
        aria-label={`${labels.removeAction} ${i + 1}${a.title.trim() ? ` (${a.title.trim()})` : ''}`}
        onClick={() =>
          update((d) => {
            d.commitments[key].actions.splice(i, 1);
          })
        }
        className="justify-self-start rounded border border-gray-500 px-2 py-0.5 text-sm"
      >
        {labels.removeAction}
      </button>
    </div>
  );
}

/** An action's title (required, said in its label). */
function ActionTitle({ commitment: key, i, value, ctx }: { commitment: CommitmentKey; i: number; value: string; ctx: EditorFieldsContext }) {
  const { update, errorProps, errorLine, labels } = ctx;
  const base = `commitments.${key}.actions.${i}`;
  const id = `${key}-a${i}`;
  return (
    <div className="md:col-span-2">
      <label htmlFor={`${id}-title`}>
        {labels.actionTitle} <span className="text-sm">({labels.required})</span>
      </label>
      <input
        id={`${id}-title`}
        maxLength={300}
        value={value}
        onChange={(e) =>
          update((d) => {
            d.commitments[key].actions[i]!.title = e.target.value;
          })
        }
        {...errorProps(`${base}.title`, `${id}-title`)}
        className={INPUT_CLASS}
      />
      {errorLine(`${base}.title`, `${id}-title`)}
    </div>
  );
}

/** An action's date (with its format in the label) or budget field, shown back in the locale's format when left. */
function ActionInput({
  commitment: key,
  i,
  field: f,
  value,
  kind,
  ctx,
}: {
  commitment: CommitmentKey;
  i: number;
  field: 'plannedOn' | 'doneOn' | 'budgetEur';
  value: string;
  kind: 'day' | 'money';
  ctx: EditorFieldsContext;
}) {
  const { update, normalise, errorProps, errorLine, labels } = ctx;
  const path = `commitments.${key}.actions.${i}.${f}`;
  const id = `${key}-a${i}-${f}`;
  return (
    <div>
      {kind === 'day' ? (
        <label htmlFor={id}>
          {labels[f]} <span className="text-sm">({labels.dateFormat})</span>
        </label>
      ) : (
        <label htmlFor={id}>{labels[f]}</label>
      )}
      <input
        id={id}
        inputMode={kind === 'money' ? 'decimal' : undefined}
        maxLength={kind === 'money' ? 40 : 20}
        autoComplete={kind === 'day' ? 'off' : undefined}
        value={value}
        onChange={(e) =>
          update((d) => {
            d.commitments[key].actions[i]![f] = e.target.value;
          })
        }
        onBlur={() =>
          normalise(
            (s) => s.commitments[key].actions[i]?.[f] ?? '',
            (s, v) => {
              s.commitments[key].actions[i]![f] = v;
            },
            kind,
          )
        }
        {...errorProps(path, id)}
        className={INPUT_CLASS}
      />
      {errorLine(path, id)}
    </div>
  );
}
