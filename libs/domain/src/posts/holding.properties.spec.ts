import fc from 'fast-check';
import { day, postCreated } from '@orgchange/testing';
import { addDays, type CalendarDate, containsDate } from '../shared/calendar-date';
import { isDomainError } from '../shared/domain-error';
import { APPOINTMENT_KINDS, type AppointmentKind } from '../shared/vocabulary';
import type { PostCommand } from './post.commands';
import { postDecider } from './post.decider';
import type { PostEvent } from './post.events';
import type { PostState } from './post.state';

const SEATED: readonly AppointmentKind[] = ['substantive', 'secondment', 'joint'];
const PEOPLE = ['p-1', 'p-2', 'p-3', 'p-4'];
const FIRST_DAY = day('2024-01-01');
const dateArb = fc.integer({ min: 0, max: 90 }).map((offset) => addDays(FIRST_DAY, offset));

type Step =
  | { type: 'start'; personId: string; kind: AppointmentKind; from: CalendarDate; endsOn?: CalendarDate; coveringForPersonId?: string }
  | { type: 'end'; pick: number; on: CalendarDate };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record(
    {
      type: fc.constant('start' as const),
      personId: fc.constantFrom(...PEOPLE),
      kind: fc.constantFrom(...APPOINTMENT_KINDS),
      from: dateArb,
      endsOn: dateArb,
      coveringForPersonId: fc.constantFrom(...PEOPLE),
    },
    { requiredKeys: ['type', 'personId', 'kind', 'from'] },
  ),
  fc.record({ type: fc.constant('end' as const), pick: fc.nat(), on: dateArb }),
);

/** Turns a generated step into a command; ends pick one of the appointments accepted so far (or an unknown one). */
function toCommand(step: Step, index: number, appointmentIds: readonly string[]): PostCommand {
  const context = { unitOpen: true, personKnown: true };
  if (step.type === 'start') {
    const { type: _start, from, ...rest } = step;
    return { type: 'StartAppointment', data: { postId: 'cd', appointmentId: `a-${index}`, effectiveFrom: from, ...rest }, context };
  }
  const appointmentId = appointmentIds.length > 0 ? appointmentIds[step.pick % appointmentIds.length] : 'a-unknown';
  return { type: 'EndAppointment', data: { postId: 'cd', appointmentId, endReason: 'resigned', effectiveFrom: step.on } };
}

/** Decides each command against the state so far and folds only the accepted events, as the command handler would. */
function run(maxHolders: number, steps: readonly Step[]): PostState {
  let state = postDecider.evolve(postDecider.initialState(), postCreated('cd', '2023-12-01', maxHolders));
  const appointmentIds: string[] = [];
  steps.forEach((step, index) => {
    const result = postDecider.decide(toCommand(step, index, appointmentIds), state);
    if (isDomainError(result)) return;
    for (const event of result as readonly PostEvent[]) {
      if (event.type === 'AppointmentStarted') appointmentIds.push(event.data.appointmentId);
      state = postDecider.evolve(state, event);
    }
  });
  return state;
}

/** The most seated holders on any date: the count can only rise on a date some holding starts. */
function mostSeatedOnAnyDate(state: PostState): number {
  if (state.status !== 'created') return 0;
  const seated = Object.values(state.holdings).filter((h) => SEATED.includes(h.kind));
  return Math.max(0, ...seated.map((h) => seated.filter((other) => containsDate(other, h.from)).length));
}

describe('given a post and any sequence of appointment starts and ends', () => {
  it('never seats two substantive, secondment or joint holders on one date of a single-holder post', () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => mostSeatedOnAnyDate(run(1, steps)) <= 1), { numRuns: 500 });
  });

  it('never seats more holders than a joint post allows', () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => mostSeatedOnAnyDate(run(2, steps)) <= 2), { numRuns: 300 });
  });

  it('accepts some appointments in generated histories, so the property is not vacuous', () => {
    const sample = fc.sample(fc.array(stepArb, { minLength: 10, maxLength: 30 }), { numRuns: 50, seed: 42 });
    const accepted = sample.map((steps) => run(1, steps)).filter((state) => state.status === 'created' && Object.keys(state.holdings).length > 1);
    expect(accepted.length).toBeGreaterThan(0);
  });
});
