import { type CalendarDate, type DateInterval, containsDate, overlaps } from '../shared/calendar-date';
import { type DomainError, domainError } from '../shared/domain-error';
import { COVER_KINDS } from '../shared/vocabulary';
import type { CreatedPost, Holding, PostState } from './post.state';

/** A holding takes a seat of the post unless it stands in for a named absent holder. */
const takesSeat = (h: Holding): boolean => !(COVER_KINDS.includes(h.kind) && h.coveringForPersonId !== undefined);
const isCover = (h: Holding): boolean => COVER_KINDS.includes(h.kind);

/**
 * Rules for a new holding against the post's existing holdings, over the whole of the new holding's interval:
 * - a single-holder post has at most one substantive holder at any date (joint posts: `maxHolders`);
 * - acting, covering and interim holders serve only while the post is vacant, or while the holder they
 *   cover for (`coveringForPersonId`) is in post, and one absent holder has one cover at a time;
 * - nobody holds the same post twice at once.
 */
export function checkNewHolding(post: CreatedPost, holding: Holding): DomainError | undefined {
  const existing = Object.values(post.holdings).filter((h) => overlaps(h, holding));
  const samePerson = existing.find((h) => h.personId === holding.personId);
  if (samePerson) {
    return domainError('PersonAlreadyHoldsPost', `person ${holding.personId} already holds post ${post.postId} in that period`, { appointmentId: samePerson.appointmentId });
  }
  if (holding.kind === 'joint' && post.maxHolders < 2) {
    return domainError('JointAppointmentToSingleHolderPost', `post ${post.postId} has one holder; a joint appointment needs a post for two or more`);
  }
  if (holding.coveringForPersonId !== undefined) return checkCoverForAbsentHolder(post, holding, existing);
  for (const date of checkpoints(holding, existing)) {
    const seated = existing.filter((h) => takesSeat(h) && containsDate(h, date)).length;
    if (seated + 1 > post.maxHolders) {
      return isCover(holding)
        ? domainError('PostNotVacant', `post ${post.postId} is filled on ${date}; an ${holding.kind} holder needs a vacancy or an absent holder to cover (coveringForPersonId)`, { date })
        : domainError('PostAlreadyHasSubstantiveHolder', `post ${post.postId} already has ${seated} holder(s) on ${date}, its limit is ${post.maxHolders}`, { date });
    }
  }
  return undefined;
}

function checkCoverForAbsentHolder(post: CreatedPost, cover: Holding, existing: readonly Holding[]): DomainError | undefined {
  if (!isCover(cover)) {
    return domainError('CoverNeedsCoverKind', 'only acting, covering and interim appointments stand in for another holder');
  }
  const covered = existing.find((h) => h.personId === cover.coveringForPersonId && takesSeat(h) && containsWhole(h, cover));
  if (!covered) {
    return domainError('CoveredHolderNotInPost', `person ${cover.coveringForPersonId} does not hold post ${post.postId} for the whole of the cover`);
  }
  const rival = existing.find((h) => h.coveringForPersonId === cover.coveringForPersonId);
  if (rival) return domainError('HolderAlreadyCovered', `person ${cover.coveringForPersonId} is already covered by appointment ${rival.appointmentId}`);
  return undefined;
}

const containsWhole = (outer: DateInterval, inner: DateInterval): boolean =>
  outer.from <= inner.from && (outer.until === undefined || (inner.until !== undefined && inner.until <= outer.until));

/** The dates at which the number of holders can change inside the new holding's interval. */
function checkpoints(holding: Holding, existing: readonly Holding[]): CalendarDate[] {
  const dates = new Set<CalendarDate>([holding.from]);
  for (const h of existing) if (containsDate(holding, h.from)) dates.add(h.from);
  return [...dates].sort();
}

/** Every holding of the post kept the rules against all the others: used to check a corrected record. */
export function checkAllHoldings(state: PostState): DomainError | undefined {
  if (state.status !== 'created') return undefined;
  for (const holding of Object.values(state.holdings)) {
    if (holding.until !== undefined && holding.until < holding.from) {
      return domainError('AppointmentEndsBeforeStart', `appointment ${holding.appointmentId} would end (${holding.until}) before it starts (${holding.from})`);
    }
    const others = Object.fromEntries(Object.entries(state.holdings).filter(([id]) => id !== holding.appointmentId));
    const error = checkNewHolding({ ...state, holdings: others }, holding);
    if (error) return error;
  }
  return undefined;
}
