import { assertNever } from '../shared/assert-never';
import type { CalendarDate } from '../shared/calendar-date';
import type { Decider } from '../shared/decider';
import { type DomainError, domainError } from '../shared/domain-error';
import { checkRealDate, firstError } from '../shared/rules';
import { checkNewHolding } from './holding.rules';
import type { PostCommand, StartAppointment } from './post.commands';
import { evolvePost, initialPostState } from './post.evolve';
import type { AppointmentEnded, AppointmentStarted, PostEvent } from './post.events';
import { type CreatedPost, isPostActiveOn, type PostState } from './post.state';

type Result = readonly PostEvent[] | DomainError;

/** Decides commands against one post's stream: the post and every appointment to it. */
export const postDecider: Decider<PostCommand, PostEvent, PostState> = {
  initialState: initialPostState,
  evolve: evolvePost,
  decide: decidePost,
};

function decidePost(command: PostCommand, state: PostState): Result {
  const badDate = checkRealDate('effectiveFrom', command.data.effectiveFrom);
  if (badDate) return badDate;
  const on = command.data.effectiveFrom;
  if (command.type === 'CreatePost') {
    const d = command.data;
    const error = firstError(
      () => (state.status !== 'none' ? domainError('PostAlreadyExists', `post ${d.postId} already exists`) : undefined),
      () => (command.context.unitOpen ? undefined : unitNotOpen(d.unitId, on)),
      () => (Number.isInteger(d.maxHolders) && d.maxHolders >= 1 ? undefined : domainError('InvalidHolderCount', 'maxHolders is a whole number of at least 1')),
    );
    return error ?? [{ type: 'PostCreated', version: 1, data: d }];
  }
  if (state.status === 'none') return domainError('PostNotFound', `post ${command.data.postId} does not exist`, { postId: command.data.postId });
  switch (command.type) {
    case 'RetitlePost':
      return requireActive(state, on) ?? [{ type: 'PostRetitled', version: 1, data: command.data }];
    case 'RegradePost':
      return requireActive(state, on) ?? [{ type: 'PostRegraded', version: 1, data: command.data }];
    case 'AbolishPost': {
      const held = Object.values(state.holdings).find((h) => h.until === undefined || h.until > on);
      const error = requireActive(state, on) ?? (held ? domainError('PostStillHeld', `post ${state.postId} is held by appointment ${held.appointmentId} on or after ${on}; end it first`, { appointmentId: held.appointmentId }) : undefined);
      return error ?? [{ type: 'PostAbolished', version: 1, data: command.data }];
    }
    case 'StartAppointment':
      return startAppointment(command, state);
    case 'EndAppointment': {
      const d = command.data;
      const holding = state.holdings[d.appointmentId];
      if (!holding) return domainError('AppointmentNotFound', `appointment ${d.appointmentId} is not on post ${state.postId}`);
      if (holding.until !== undefined) return domainError('AppointmentAlreadyEnded', `appointment ${d.appointmentId} already ended on ${holding.until}`);
      if (on < holding.from) return endsBeforeStart(holding.from, on);
      return [ended(d.postId, d.appointmentId, holding.personId, d.endReason, on, d.reason)];
    }
    default:
      return assertNever(command);
  }
}

function startAppointment(command: StartAppointment, post: CreatedPost): Result {
  const { endsOn, endReason, ...d } = command.data;
  const on = d.effectiveFrom;
  const error = firstError(
    // Rule: no appointment to an abolished post or a closed unit at its effective date.
    () => requireActive(post, on),
    () => (command.context.unitOpen ? undefined : unitNotOpen(post.unitId, on)),
    () => (command.context.personKnown === false ? domainError('PersonNotFound', `person ${d.personId} is not registered`) : undefined),
    () => (post.holdings[d.appointmentId] ? domainError('AppointmentAlreadyExists', `appointment ${d.appointmentId} already exists`) : undefined),
    () => (d.fraction === undefined || (d.fraction > 0 && d.fraction <= 1) ? undefined : domainError('InvalidFraction', 'fraction is more than 0 and at most 1')),
    () => (endsOn === undefined ? undefined : checkRealDate('endsOn', endsOn)),
    // Rule: an appointment ends on or after it starts.
    () => (endsOn !== undefined && endsOn < on ? endsBeforeStart(on, endsOn) : undefined),
    () => (endsOn === undefined && post.abolishedOn !== undefined ? domainError('PostAbolished', `post ${post.postId} is abolished on ${post.abolishedOn}; give the appointment's end`) : undefined),
    () => (endsOn !== undefined && post.abolishedOn !== undefined && endsOn > post.abolishedOn ? domainError('PostAbolished', `post ${post.postId} is abolished on ${post.abolishedOn}, before the appointment ends`) : undefined),
    () => checkNewHolding(post, { appointmentId: d.appointmentId, personId: d.personId, kind: d.kind, from: on, ...(endsOn ? { until: endsOn } : {}), ...(d.coveringForPersonId ? { coveringForPersonId: d.coveringForPersonId } : {}) }),
  );
  if (error) return error;
  const started: AppointmentStarted = { type: 'AppointmentStarted', version: 1, data: d };
  return endsOn === undefined ? [started] : [started, ended(d.postId, d.appointmentId, d.personId, endReason ?? 'term-ended', endsOn)];
}

const ended = (postId: string, appointmentId: string, personId: string, endReason: AppointmentEnded['data']['endReason'], on: CalendarDate, reason?: string): AppointmentEnded => ({
  type: 'AppointmentEnded',
  version: 1,
  data: { postId, appointmentId, personId, endReason, effectiveFrom: on, ...(reason ? { reason } : {}) },
});

function requireActive(post: CreatedPost, on: CalendarDate): DomainError | undefined {
  if (isPostActiveOn(post, on)) return undefined;
  if (post.abolishedOn !== undefined && on >= post.abolishedOn) return domainError('PostAbolished', `post ${post.postId} is abolished on ${post.abolishedOn}`, { postId: post.postId });
  return domainError('PostNotYetCreated', `post ${post.postId} is created on ${post.createdOn}, after ${on}`, { postId: post.postId });
}

const unitNotOpen = (unitId: string, on: CalendarDate): DomainError =>
  domainError('UnitNotOpen', `unit ${unitId} is not open on ${on}`, { unitId, effectiveFrom: on });

const endsBeforeStart = (start: CalendarDate, end: CalendarDate): DomainError =>
  domainError('AppointmentEndsBeforeStart', `an appointment ends on or after it starts (starts ${start}, ends ${end})`);
