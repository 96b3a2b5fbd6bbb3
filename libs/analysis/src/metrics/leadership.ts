/** The people metrics are about leadership posts, as the structure query counts them (one rule, in the domain vocabulary). */
export { isLeadershipFamily as isLeadership } from '@orgchange/domain';
