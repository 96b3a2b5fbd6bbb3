import type { PublishedEventType } from './published-events';

/** The topic categories, each one Kafka topic `<prefix>.<category>.v1`. */
export const TOPIC_CATEGORIES = ['restructures', 'appointments', 'boundaries', 'programmes', 'notifications'] as const;
export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

/** Major version of every topic: a breaking change to any contract on it means a new topic (`v2`) beside it. */
export const TOPIC_MAJOR_VERSION = 1;

/** Default topic prefix; `KAFKA_TOPIC_PREFIX` changes it (e.g. `staging.orgchange`). */
export const DEFAULT_TOPIC_PREFIX = 'orgchange';

/**
 * The one topic of each published event type. Corrections go with the restructures: they name the event
 * they correct (`targetEventId`), and consumers of any topic that keep the corrected facts read them there.
 * `notifications` carries no domain event yet: it is created and documented for the notification channel.
 */
export const TOPIC_OF_EVENT_TYPE: Readonly<Record<PublishedEventType, TopicCategory>> = {
  OrganisationEstablished: 'restructures',
  OrganisationRenamed: 'restructures',
  OrganisationReclassified: 'restructures',
  OrganisationClosed: 'restructures',
  OrganisationsMerged: 'restructures',
  OrganisationSplit: 'restructures',
  UnitEstablished: 'restructures',
  UnitRenamed: 'restructures',
  UnitMoved: 'restructures',
  UnitsMerged: 'restructures',
  UnitSplit: 'restructures',
  UnitDissolved: 'restructures',
  EventRetracted: 'restructures',
  EventCorrected: 'restructures',
  PostCreated: 'appointments',
  PostRetitled: 'appointments',
  PostRegraded: 'appointments',
  PostAbolished: 'appointments',
  AppointmentStarted: 'appointments',
  AppointmentEnded: 'appointments',
  PersonRegistered: 'appointments',
  ServiceTransferred: 'boundaries',
  MembershipChanged: 'boundaries',
  BoundaryRedrawn: 'boundaries',
  EmploymentTransferred: 'boundaries',
  ProgrammeDrafted: 'programmes',
  ProposalPublished: 'programmes',
  ConsultationOpened: 'programmes',
  ConsultationClosingSoon: 'programmes',
  ConsultationResponseRecorded: 'programmes',
  ConsultationWaived: 'programmes',
  ConsultationClosed: 'programmes',
  ProgrammeDecided: 'programmes',
  PlannedChangeApplied: 'programmes',
  PlannedChangeFailed: 'programmes',
  ProgrammeTookEffect: 'programmes',
  ReviewFellDue: 'programmes',
  ProgrammeClosed: 'programmes',
  ProgrammeWithdrawn: 'programmes',
};

export const PUBLISHED_EVENT_TYPES = Object.keys(TOPIC_OF_EVENT_TYPE) as PublishedEventType[];

export const isPublishedEventType = (type: string): type is PublishedEventType => Object.hasOwn(TOPIC_OF_EVENT_TYPE, type);

/** Topic names under a prefix. */
export type TopicNames = Readonly<Record<TopicCategory, string>> & Readonly<{ deadLetter: string }>;

/** The five topics and the dead-letter topic `<prefix>.deadletter.v1` under `prefix`. */
export function topicNames(prefix: string = DEFAULT_TOPIC_PREFIX): TopicNames {
  if (!/^[A-Za-z0-9._-]+$/.test(prefix)) throw new Error(`topic prefix ${JSON.stringify(prefix)} may only use letters, digits, '.', '_' and '-'`);
  const name = (category: string): string => `${prefix}.${category}.v${TOPIC_MAJOR_VERSION}`;
  const categories = Object.fromEntries(TOPIC_CATEGORIES.map((c) => [c, name(c)])) as Record<TopicCategory, string>;
  return { ...categories, deadLetter: name('deadletter') };
}

/** Every topic the relay creates at start-up, the dead-letter topic included. */
export const allTopics = (names: TopicNames): string[] => [...TOPIC_CATEGORIES.map((c) => names[c]), names.deadLetter];
