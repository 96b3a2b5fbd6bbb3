import type {
  AppointmentEnded,
  AppointmentKind,
  AppointmentStarted,
  CalendarDate,
  OrganisationClosed,
  OrganisationEstablished,
  PostCreated,
  UnitDissolved,
  UnitEstablished,
  UnitKind,
  UnitMoved,
} from '@orgchange/domain';

/** A date literal for tests; deliberately unchecked, so a test can also build an impossible date. */
export const day = (iso: string): CalendarDate => iso as CalendarDate;

export const organisationEstablished = (organisationId: string, on: string): OrganisationEstablished => ({
  type: 'OrganisationEstablished',
  version: 1,
  data: { organisationId, name: `Organisation ${organisationId}`, kind: 'nhs-trust', effectiveFrom: day(on) },
});

export const organisationClosed = (organisationId: string, on: string): OrganisationClosed => ({
  type: 'OrganisationClosed',
  version: 1,
  data: { organisationId, effectiveFrom: day(on) },
});

export const unitEstablished = (
  organisationId: string,
  unitId: string,
  on: string,
  more: { parentUnitId?: string; kind?: UnitKind; memberOrganisationIds?: string[] } = {},
): UnitEstablished => ({
  type: 'UnitEstablished',
  version: 1,
  data: { organisationId, unitId, name: `Unit ${unitId}`, kind: more.kind ?? 'division', effectiveFrom: day(on), ...more },
});

export const unitMoved = (organisationId: string, unitId: string, on: string, fromParentUnitId?: string, toParentUnitId?: string): UnitMoved => ({
  type: 'UnitMoved',
  version: 1,
  data: { organisationId, unitId, effectiveFrom: day(on), ...(fromParentUnitId ? { fromParentUnitId } : {}), ...(toParentUnitId ? { toParentUnitId } : {}) },
});

export const unitDissolved = (organisationId: string, unitId: string, on: string): UnitDissolved => ({
  type: 'UnitDissolved',
  version: 1,
  data: { organisationId, unitId, effectiveFrom: day(on) },
});

export const postCreated = (postId: string, on: string, maxHolders = 1): PostCreated => ({
  type: 'PostCreated',
  version: 1,
  data: { postId, organisationId: 'trust', unitId: 'surgery', title: 'Clinical Director', family: 'medical-leadership', grade: 'consultant', maxHolders, effectiveFrom: day(on) },
});

export const appointmentStarted = (
  postId: string,
  appointmentId: string,
  personId: string,
  on: string,
  kind: AppointmentKind = 'substantive',
  coveringForPersonId?: string,
): AppointmentStarted => ({
  type: 'AppointmentStarted',
  version: 1,
  data: { postId, appointmentId, personId, kind, effectiveFrom: day(on), ...(coveringForPersonId ? { coveringForPersonId } : {}) },
});

export const appointmentEnded = (postId: string, appointmentId: string, personId: string, on: string): AppointmentEnded => ({
  type: 'AppointmentEnded',
  version: 1,
  data: { postId, appointmentId, personId, endReason: 'resigned', effectiveFrom: day(on) },
});
