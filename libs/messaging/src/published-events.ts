import type {
  BoundaryEvent,
  CorrectionEvent,
  OrganisationLifecycleEvent,
  PersonEvent,
  PostEvent,
  ProgrammeEvent,
  UnitEvent,
} from '@orgchange/domain';

/**
 * Every domain event the relay publishes, at its current schema version (older stored versions are upcast
 * before publishing). A new event type joins this union, and then the compiler demands its topic and key.
 */
export type PublishedEvent =
  | OrganisationLifecycleEvent
  | UnitEvent
  | BoundaryEvent
  | PostEvent
  | PersonEvent
  | CorrectionEvent
  | ProgrammeEvent;

export type PublishedEventType = PublishedEvent['type'];
