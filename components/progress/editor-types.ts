import type { ReactNode } from 'react';

export type EditorAction = { title: string; status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'; plannedOn: string; doneOn: string; budgetEur: string };
export type EditorSection = { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED'; narrative: string; actions: EditorAction[] };
export type CommitmentKey = 'resources' | 'staff' | 'cooperation';
export type EditorState = { commitments: Record<CommitmentKey, EditorSection>; indicators: Record<string, string> };
export type EditorIndicator = { key: string; commitment: CommitmentKey; kind: string; label: string };
export type EditorLabels = Record<string, string>;
export const COMMITMENT_ORDER: CommitmentKey[] = ['resources', 'staff', 'cooperation'];

/** What the field components need from the editor: a change (saved by the autosave), the blur normaliser, errors and labels. */
export type EditorFieldsContext = {
  update: (mutate: (draft: EditorState) => void) => void;
  normalise: (read: (s: EditorState) => string, write: (s: EditorState, v: string) => void, kind: 'number' | 'money' | 'day') => void;
  /** `aria-invalid` and `aria-describedby` for a field with an error. */
  errorProps: (path: string, id: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The error line under a field (its id is the field's `aria-describedby`). */
  errorLine: (path: string, id: string) => ReactNode;
  labels: EditorLabels;
};

export const INPUT_CLASS = 'block w-full rounded border border-gray-500 px-2 py-1 aria-[invalid=true]:border-2 aria-[invalid=true]:border-bad';
