import { diffRows, type FactRow, sameValues } from '../read-model/fact-row';

/**
 * How a stream's state divides into fact rows: the rows of the state's own fields (the organisation's names, a
 * post's titles), and the rows of each of its parts (a unit, a holding), by part id. The domain's evolve
 * functions share unchanged parts between versions of a state, so a part that is the same object as before has
 * the same rows and is neither derived again nor compared: an event costs the parts it touched, not the whole
 * organisation. Rows are derived on demand and never kept, so a cached stream costs only its domain state.
 */
export type Grouping<P = unknown> = Readonly<{
  /** The state itself: every field but `partsField` is context that every row may read. */
  state: object;
  partsField: string;
  own: () => readonly FactRow[];
  parts: Readonly<Record<string, P>>;
  rowsOfPart: (part: P) => readonly FactRow[];
}>;

/** Rows to end and rows to add, in recorded time, between two versions of a stream's state. */
export type RowChange = { readonly ended: FactRow[]; readonly added: FactRow[] };

const NONE: ReadonlyMap<string, FactRow> = new Map();

/**
 * Adds to `change` what changed between the rows of `before` and `after` (undefined: a state with no rows).
 * When the context is unchanged, only parts that are new objects are derived, both versions of each.
 */
export function diffGroupings(before: Grouping | undefined, after: Grouping | undefined, change: RowChange): void {
  if (!before && !after) return;
  if (!before || !after || !sameContext(before, after)) {
    collect(diffRows(before ? keyed(allRows(before)) : NONE, after ? keyed(allRows(after)) : NONE), change);
    return;
  }
  for (const id in before.parts) {
    const was = before.parts[id];
    const now = after.parts[id];
    if (was === now) continue;
    diffPart(before.rowsOfPart(was), now === undefined ? [] : after.rowsOfPart(now), change);
  }
  for (const id in after.parts) if (!(id in before.parts)) for (const row of after.rowsOfPart(after.parts[id])) change.added.push(row);
}

/** `diffRows` for the rows of one part; a part of one row each side (a holding) needs no maps. */
function diffPart(was: readonly FactRow[], now: readonly FactRow[], change: RowChange): void {
  if (was.length === 1 && now.length === 1) {
    if (was[0].key === now[0].key && sameValues(was[0], now[0])) return;
    change.ended.push(was[0]);
    change.added.push(now[0]);
    return;
  }
  collect(diffRows(keyed(was), now.length === 0 ? NONE : keyed(now)), change);
}

function allRows(grouping: Grouping): FactRow[] {
  const rows = [...grouping.own()];
  for (const id in grouping.parts) for (const row of grouping.rowsOfPart(grouping.parts[id])) rows.push(row);
  return rows;
}

/** Every field but the parts is the same value (by identity) in both states. */
function sameContext(a: Grouping, b: Grouping): boolean {
  if (a.partsField !== b.partsField) return false;
  const x = a.state as Record<string, unknown>;
  const y = b.state as Record<string, unknown>;
  let fields = 0;
  for (const name in y) {
    fields += 1;
    if (name !== a.partsField && x[name] !== y[name]) return false;
  }
  for (const _ in x) fields -= 1;
  return fields === 0;
}

function collect(from: { ended: FactRow[]; added: FactRow[] }, into: RowChange): void {
  for (const row of from.ended) into.ended.push(row);
  for (const row of from.added) into.added.push(row);
}

function keyed(rows: readonly FactRow[]): Map<string, FactRow> {
  const byKey = new Map<string, FactRow>();
  for (const row of rows) byKey.set(row.key, row);
  return byKey;
}
