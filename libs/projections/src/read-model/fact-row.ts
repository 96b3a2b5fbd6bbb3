/**
 * One version of a fact in valid time, before it is given its recorded time. `key` identifies the row among
 * the current rows of its table (entity id and valid-from), so a later state's rows can be compared with
 * an earlier state's: a key that disappears, or whose values change, ends in recorded time.
 */
export type FactRow = Readonly<{
  table: FactTable;
  key: string;
  values: Readonly<Record<string, string | number | null>>;
}>;

export type FactTable =
  | 'rm_organisations'
  | 'rm_units'
  | 'rm_unit_members'
  | 'rm_organisation_members'
  | 'rm_posts'
  | 'rm_holdings'
  | 'rm_lineage';

/** The columns that, with `valid_from`, pick out a current row of each table when it is ended. */
export const ROW_IDENTITY: Readonly<Record<FactTable, readonly string[]>> = {
  rm_organisations: ['organisation_id', 'valid_from'],
  rm_units: ['organisation_id', 'unit_id', 'valid_from'],
  rm_unit_members: ['organisation_id', 'unit_id', 'member_organisation_id', 'valid_from'],
  rm_organisation_members: ['group_organisation_id', 'member_organisation_id', 'valid_from'],
  rm_posts: ['post_id', 'valid_from'],
  // Appointment ids are unique per post only (a client may choose them), so the post is part of a holding's identity.
  rm_holdings: ['post_id', 'appointment_id', 'valid_from'],
  rm_lineage: ['subject', 'from_id', 'to_id', 'relation'],
};

/** `values` is taken over (its undefined columns become null): pass a fresh object. */
export const factRow = (table: FactTable, values: Record<string, string | number | null | undefined>): FactRow => {
  for (const column in values) if (values[column] === undefined) values[column] = null;
  const clean = values as Record<string, string | number | null>;
  // Built by concatenation (a rebuild makes hundreds of thousands); a null column is empty, as in Array#join.
  let key: string = table;
  for (const column of ROW_IDENTITY[table]) key += `|${clean[column] ?? ''}`;
  return { table, key, values: clean };
};

/** Rows of the previous state to end and rows of the new state to add; unchanged rows are left alone. */
export function diffRows(before: ReadonlyMap<string, FactRow>, after: ReadonlyMap<string, FactRow>): { ended: FactRow[]; added: FactRow[] } {
  const ended: FactRow[] = [];
  const added: FactRow[] = [];
  for (const [key, row] of before) {
    const next = after.get(key);
    if (!next || !sameValues(row, next)) ended.push(row);
  }
  for (const [key, row] of after) {
    const previous = before.get(key);
    if (!previous || !sameValues(previous, row)) added.push(row);
  }
  return { ended, added };
}

/** The two rows have the same columns with the same values. */
export function sameValues(a: FactRow, b: FactRow): boolean {
  let columns = 0;
  for (const column in a.values) {
    columns += 1;
    if (!(column in b.values) || a.values[column] !== b.values[column]) return false;
  }
  for (const _ in b.values) columns -= 1;
  return columns === 0;
}
