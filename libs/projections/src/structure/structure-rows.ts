/** The structure rows of one organisation, as the structure query reads them from the read model (see StructureCache). */
export type UnitRecordRow = Readonly<{
  organisation_id: string; unit_id: string; name: string; kind: string; parent_unit_id: string | null;
  employing_organisation_id: string | null; arrived_from_organisation_id: string | null;
}>;
export type OrganisationPostRow = Readonly<{
  post_id: string; organisation_id: string; unit_id: string; title: string; family: string; grade: string; max_holders: number;
  programmed_activities: number | null; group_id: string | null; group_role: string | null;
}>;
export type HoldingRow = Readonly<{
  appointment_id: string; post_id: string; person_id: string; kind: string; covering_for_person_id: string | null;
  employing_organisation_id: string | null; fraction: number | null; programmed_activities: number | null;
  valid_from: string; valid_to: string | null; profession: string | null;
}>;
/** A person's employer from a date, after a transfer of employment. */
export type Employment = Readonly<{ employer: string; from: string }>;
