/**
 * The ids orgchange gives IfG records: the IfG's own UUIDs behind a prefix, so they are opaque (no names), stable
 * across re-imports, and cannot collide with ids from other sources.
 */
export const ifgOrganisationId = (ifgId: string): string => `ifg-org-${ifgId}`;
/** Each department's posts sit in one unit, its ministerial team: the IfG records no structure below a department. */
export const ifgTeamUnitId = (ifgOrganisationId: string): string => `ifg-team-${ifgOrganisationId}`;
export const ifgPostId = (ifgId: string): string => `ifg-post-${ifgId}`;
export const ifgPersonId = (ifgId: string): string => `ifg-person-${ifgId}`;
export const ifgAppointmentId = (ifgId: string): string => `ifg-appointment-${ifgId}`;
