import { COMMITMENT_ORDER, type EditorState } from './editor-types';

/**
 * Three-way merge of the report editor's state, for an autosave refused as stale: `base` is what this page last knew
 * the server held, `local` what the person has typed since, `remote` what the server holds now (another tab, or the
 * save made on leaving the previous page that landed after this page was rendered). Each field goes its own way: a
 * field only one side changed takes that side's value. A field both changed differently is a real conflict: null, and
 * nothing is merged. The unit of a commitment's actions is the whole list (rows have no identity of their own).
 */
export function mergeEditorStates(base: EditorState, local: EditorState, remote: EditorState): EditorState | null {
  const merged: EditorState = structuredClone(remote);
  for (const key of COMMITMENT_ORDER) {
    for (const field of ['status', 'narrative', 'actions'] as const) {
      const value = pick(base.commitments[key]?.[field], local.commitments[key]?.[field], remote.commitments[key]?.[field]);
      if (value === CONFLICT) return null;
      (merged.commitments[key] as Record<typeof field, unknown>)[field] = structuredClone(value);
    }
  }
  const keys = new Set([...Object.keys(base.indicators), ...Object.keys(local.indicators), ...Object.keys(remote.indicators)]);
  for (const key of keys) {
    const value = pick(base.indicators[key] ?? '', local.indicators[key] ?? '', remote.indicators[key] ?? '');
    if (value === CONFLICT) return null;
    merged.indicators[key] = value;
  }
  return merged;
}

const CONFLICT = Symbol('conflict');

function pick<T>(base: T, local: T, remote: T): T | typeof CONFLICT {
  if (same(local, base)) return remote;
  if (same(remote, base) || same(local, remote)) return local;
  return CONFLICT;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
