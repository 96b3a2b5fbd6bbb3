/**
 * Stream names: `<category>-<id>` (KurrentDB's category is the text before the first dash).
 * An organisation's stream holds the organisation, its unit tree and its boundary changes, so the tree
 * rules (no cycle, one parent at any date) are decided against one consistent state.
 * A post's stream holds the post and its appointments, so holder rules are decided per post.
 */
export const organisationStream = (organisationId: string): string => `organisation-${organisationId}`;
export const postStream = (postId: string): string => `post-${postId}`;
export const personStream = (personId: string): string => `person-${personId}`;
/** A change programme's workflow: its proposal, consultation, decision, timers' outcomes and review. */
export const programmeStream = (programmeId: string): string => `programme-${programmeId}`;

export const STREAM_CATEGORIES = ['organisation', 'post', 'person'] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];
