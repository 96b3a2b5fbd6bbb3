import { type Decider, domainError } from '@orgchange/domain';
import type { WorkloadEvent } from './workload';

type RecordNext = { type: 'RecordNext'; event: WorkloadEvent };
type State = { open: boolean; count: number };

/**
 * The benchmark's decider: an appointment alternates started → ended, as the workload's rounds do.
 * It has one real rule, so the command path does the work a real decider does: fold, check, decide.
 */
export const workloadDecider: Decider<RecordNext, WorkloadEvent, State> = {
  initialState: () => ({ open: false, count: 0 }),
  evolve: (state, event) => ({ open: event.type === 'AppointmentStarted', count: state.count + 1 }),
  decide: (command, state) => {
    const starting = command.event.type === 'AppointmentStarted';
    if (starting === state.open) return domainError('AppointmentAlternation', 'an appointment alternates started and ended');
    return [command.event];
  },
};
