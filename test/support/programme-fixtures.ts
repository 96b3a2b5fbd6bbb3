import type { Clock } from '@orgchange/commands';
import type { SqliteEventStore } from '@orgchange/event-store';
import { ProgrammeTimerIndex, ProgrammeTimerRunner } from '@orgchange/workflow';
import type { ApiHarness } from './api-harness';
import { given } from './fixtures';

/** A clock whose day the test sets: `today` moves it to noon UTC of that date. */
export type FakeClock = Clock & { setToday: (date: string) => void };

export function fakeClock(date: string): FakeClock {
  let now = new Date(`${date}T12:00:00Z`);
  return { now: () => now, setToday: (next) => (now = new Date(`${next}T12:00:00Z`)) };
}

/** The timer runner the worker runs, on the API's own store and clock. */
export const timerRunnerFor = (api: ApiHarness, clock: Clock): ProgrammeTimerRunner => {
  const store = api.store as SqliteEventStore;
  return new ProgrammeTimerRunner(store, new ProgrammeTimerIndex(store, store.database), clock);
};

export const abolishPost = (changeId: string, postId: string, effectiveFrom: string) => ({ changeId, command: { type: 'AbolishPost', data: { postId, effectiveFrom } } });

export const renameUnit = (changeId: string, organisationId: string, unitId: string, name: string, effectiveFrom: string) => ({
  changeId,
  command: { type: 'RenameUnit', data: { organisationId, unitId, name, effectiveFrom } },
});

export const mergeUnits = (changeId: string, organisationId: string, unitIds: string[], successor: { unitId: string; name: string }, effectiveFrom: string) => ({
  changeId,
  command: { type: 'MergeUnits', data: { organisationId, unitIds, newSuccessor: { ...successor, kind: 'division' }, effectiveFrom } },
});

/** Drafts a programme through the API. */
export const draftProgramme = (api: ApiHarness, programmeId: string, changes: unknown[], organisationIds = ['trust']) =>
  given(api, '/programmes', { programmeId, title: `Programme ${programmeId}`, organisationIds, changes });

/** Drafts, waives consultation with a reason and approves: the programme is then scheduled. */
export async function scheduleProgramme(api: ApiHarness, programmeId: string, changes: unknown[]): Promise<void> {
  await draftProgramme(api, programmeId, changes);
  await given(api, `/programmes/${programmeId}/waiver`, { reason: 'urgent: patient safety' });
  await given(api, `/programmes/${programmeId}/decision`, { decision: 'approved' });
}
