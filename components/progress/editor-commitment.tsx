'use client';
import { ActionList } from './editor-actions';
import { INPUT_CLASS, type CommitmentKey, type EditorFieldsContext, type EditorIndicator, type EditorSection, type EditorState } from './editor-types';

/** One commitment of the report: its state, narrative, actions and indicators. */
export function CommitmentFields({
  commitment: key,
  title,
  state,
  indicators,
  ctx,
}: {
  commitment: CommitmentKey;
  title: string;
  state: EditorState;
  indicators: EditorIndicator[];
  ctx: EditorFieldsContext;
}) {
  const { update, errorProps, errorLine, labels } = ctx;
  const section = state.commitments[key];
  return (
    <section aria-labelledby={`c-${key}`} className="space-y-4 rounded border border-gray-300 p-4" data-commitment={key}>
      <h2 id={`c-${key}`} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="space-y-1">
        <label htmlFor={`${key}-status`} className="block font-medium">
          {labels.commitmentStatus}
        </label>
        <select
          id={`${key}-status`}
          value={section.status}
          onChange={(e) =>
            update((d) => {
              d.commitments[key].status = e.target.value as EditorSection['status'];
            })
          }
          className="max-w-full rounded border border-gray-500 px-3 py-1.5"
        >
          {(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'] as const).map((s) => (
            <option key={s} value={s}>
              {labels[`cs_${s}`]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${key}-narrative`} className="block font-medium">
          {labels.narrative}
        </label>
        <textarea
          id={`${key}-narrative`}
          rows={4}
          maxLength={10000}
          value={section.narrative}
          onChange={(e) =>
            update((d) => {
              d.commitments[key].narrative = e.target.value;
            })
          }
          {...errorProps(`commitments.${key}.narrative`, `${key}-narrative`)}
          className={`${INPUT_CLASS} px-3 py-2`}
        />
        {errorLine(`commitments.${key}.narrative`, `${key}-narrative`)}
      </div>
      <ActionList commitment={key} actions={section.actions} ctx={ctx} />
      <IndicatorList indicators={indicators.filter((ind) => ind.commitment === key)} values={state.indicators} ctx={ctx} />
    </section>
  );
}

/** A commitment's indicators, with the hint that an unknown value stays empty. */
function IndicatorList({ indicators, values, ctx }: { indicators: EditorIndicator[]; values: Record<string, string>; ctx: EditorFieldsContext }) {
  const { labels } = ctx;
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="font-medium">{labels.indicators}</legend>
      <p className="text-sm text-muted">{labels.unknownHint}</p>
      <div className="grid gap-3 md:grid-cols-2">
        {indicators.map((ind) => (
          <IndicatorField key={ind.key} ind={ind} value={values[ind.key] ?? ''} ctx={ctx} />
        ))}
      </div>
    </fieldset>
  );
}

/** One indicator: yes / no / blank for a boolean, else a number (shown back in the locale's format when left) or text. */
function IndicatorField({ ind, value, ctx }: { ind: EditorIndicator; value: string; ctx: EditorFieldsContext }) {
  const { update, normalise, errorProps, errorLine, labels } = ctx;
  const path = `indicators.${ind.key}`;
  const id = `ind-${ind.key}`;
  const onChange = (e: { target: { value: string } }) =>
    update((d) => {
      d.indicators[ind.key] = e.target.value;
    });
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {ind.label}
      </label>
      {ind.kind === 'boolean' ? (
        <select id={id} value={value} onChange={onChange} {...errorProps(path, id)} className="max-w-full rounded border border-gray-500 px-3 py-1.5">
          <option value="">{labels.blank}</option>
          <option value="yes">{labels.yes}</option>
          <option value="no">{labels.no}</option>
        </select>
      ) : (
        <input
          id={id}
          inputMode={ind.kind === 'text' ? undefined : 'decimal'}
          maxLength={ind.kind === 'text' ? 1000 : 40}
          value={value}
          onChange={onChange}
          onBlur={
            ind.kind === 'text'
              ? undefined
              : () =>
                  normalise(
                    (s) => s.indicators[ind.key] ?? '',
                    (s, v) => {
                      s.indicators[ind.key] = v;
                    },
                    ind.kind === 'money' ? 'money' : 'number',
                  )
          }
          {...errorProps(path, id)}
          className={`${INPUT_CLASS} px-3 py-1.5`}
        />
      )}
      {errorLine(path, id)}
    </div>
  );
}
