/**
 * Where the person is in a journey: an ordered list of steps, each done, the
 * current one (aria-current="step", marked in words too, not by colour only)
 * or still to come.
 */
export function Steps({
  steps,
  current,
  label,
  words,
  testId,
}: {
  steps: string[];
  current: number;
  label: string;
  words: { done: string; current: string; todo: string };
  testId?: string;
}) {
  return (
    <nav aria-label={label} data-testid={testId}>
      <ol className="flex flex-wrap gap-2">
        {steps.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li
              key={s}
              aria-current={state === 'current' ? 'step' : undefined}
              data-state={state}
              className={`rounded border px-3 py-1 text-sm ${state === 'current' ? 'border-2 border-brand font-semibold' : state === 'done' ? 'border-ok bg-ok-bg text-ok' : 'border-gray-400 text-muted'}`}
            >
              <span aria-hidden="true">{state === 'done' ? '✓ ' : `${i + 1}. `}</span>
              {s}
              <span className="sr-only"> ({words[state]})</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
