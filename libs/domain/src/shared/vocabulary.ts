/** Closed vocabularies shared by events, commands and the API's validation. */

export const ORGANISATION_KINDS = [
  'nhs-trust',
  'nhs-foundation-trust',
  'council',
  'ccg',
  /** What CCGs became on 2022-07-01 when integrated care boards took over: same code, a part of an ICB. */
  'sub-icb-location',
  'icb',
  'commissioning-hub',
  'gp-practice',
  'government-department',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const UNIT_KINDS = [
  'board',
  'division',
  'directorate',
  'specialty',
  'service',
  'team',
  'neighbourhood-team',
  'locality',
  'partnership',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const POST_FAMILIES = ['executive', 'medical-leadership', 'nursing-leadership', 'management', 'clinical', 'other'] as const;
export type PostFamily = (typeof POST_FAMILIES)[number];

export const PROFESSIONS = ['doctor', 'nurse', 'manager', 'allied-health', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** Post families that lead or manage: their posts make the leadership structure (layers, span, the people metrics). */
export const LEADERSHIP_FAMILIES: ReadonlySet<string> = new Set<PostFamily>(['executive', 'medical-leadership', 'nursing-leadership', 'management']);
export const isLeadershipFamily = (family: string): boolean => LEADERSHIP_FAMILIES.has(family);

/** Clinicians' professions: a leadership post held by one of them is a hybrid clinician-manager role. */
export const CLINICAL_PROFESSIONS: ReadonlySet<string> = new Set<Profession>(['doctor', 'nurse', 'allied-health']);
export const isClinicalProfession = (profession: string | null | undefined): boolean => profession != null && CLINICAL_PROFESSIONS.has(profession);

/**
 * How a post is held. Substantive, secondment and joint holdings fill a seat of the post;
 * acting, covering and interim holdings stand in for an absent holder or fill a vacancy.
 */
export const APPOINTMENT_KINDS = ['substantive', 'acting', 'covering', 'interim', 'secondment', 'joint'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const COVER_KINDS: readonly AppointmentKind[] = ['acting', 'covering', 'interim'];

export const APPOINTMENT_END_REASONS = ['resigned', 'retired', 'term-ended', 'restructured-out', 'replaced', 'other'] as const;
export type AppointmentEndReason = (typeof APPOINTMENT_END_REASONS)[number];
