import { describe, expect, it } from 'vitest';
import { mergeEditorStates } from '@/components/progress/merge-editor-state';
import type { EditorState } from '@/components/progress/editor-types';

const section = (narrative = '') => ({ status: 'NOT_STARTED' as const, narrative, actions: [] });
const state = (over: { resources?: string; staff?: string; fte?: string; budget?: string } = {}): EditorState => ({
  commitments: { resources: section(over.resources), staff: section(over.staff), cooperation: section() },
  indicators: { social_work_specialists_fte: over.fte ?? '', ...(over.budget !== undefined ? { service_budget_eur: over.budget } : {}) },
});

describe('mergeEditorStates (a stale autosave merged onto the report as it is now)', () => {
  it('keeps both sides when each changed different fields: the save made on leaving and the edit typed after the reload', () => {
    const base = state();
    const remote = state({ resources: 'Kas uzlabots: jauns kabinets' });
    const local = state({ fte: '12,5' });
    expect(mergeEditorStates(base, local, remote)).toEqual(state({ resources: 'Kas uzlabots: jauns kabinets', fte: '12,5' }));
  });

  it('takes an indicator only one side added', () => {
    expect(mergeEditorStates(state(), state(), state({ budget: '1 200' }))).toEqual(state({ budget: '1 200' }));
    expect(mergeEditorStates(state(), state({ budget: '1 200' }), state())).toEqual(state({ budget: '1 200' }));
  });

  it('accepts both sides making the same change', () => {
    expect(mergeEditorStates(state(), state({ staff: 'x' }), state({ staff: 'x' }))).toEqual(state({ staff: 'x' }));
  });

  it('refuses (null) when both changed one field differently: nothing of either is thrown away silently', () => {
    expect(mergeEditorStates(state(), state({ staff: 'mans teksts' }), state({ staff: 'cits teksts' }))).toBeNull();
    expect(mergeEditorStates(state(), state({ fte: '3' }), state({ fte: '4' }))).toBeNull();
  });

  it('treats a commitment’s list of actions as one value', () => {
    const withAction = (title: string): EditorState => {
      const s = state();
      s.commitments.staff.actions = [{ title, status: 'PLANNED', plannedOn: '', doneOn: '', budgetEur: '' }];
      return s;
    };
    expect(mergeEditorStates(state(), withAction('Supervīzija'), state({ resources: 'r' }))).toEqual({
      ...withAction('Supervīzija'),
      commitments: { ...withAction('Supervīzija').commitments, resources: section('r') },
    });
    expect(mergeEditorStates(state(), withAction('A'), withAction('B'))).toBeNull();
  });
});
