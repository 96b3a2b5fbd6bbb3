import { diffRows, type FactRow } from '../read-model/fact-row';

/**
 * The fact rows one part of a stream's state contributes (one unit, one holding, or the rest of the state),
 * with the part they were derived from. The domain's evolve functions share unchanged parts between versions
 * of a state, so a part that is the same object as before has the same rows and is neither derived again nor
 * compared: an event costs the parts it touched, not the whole organisation.
 */
export type RowGroup = Readonly<{ source: unknown; rows: ReadonlyMap<string, FactRow> }>;

/**
 * A stream's rows by group (a part's id, or {@link OWN}), and the context they were derived in: the state's
 * fields other than its parts. Every group may read the context, so when it changes every group is derived again.
 */
export type StreamRows = Readonly<{ context: readonly unknown[]; groups: ReadonlyMap<string | symbol, RowGroup> }>;

/** The group of the rows the state's context contributes by itself (the organisation's names, a post's titles). */
const OWN = Symbol('own rows');

export const NO_ROWS: StreamRows = { context: [], groups: new Map() };

/** How a state divides into groups of rows: its own rows, and a record of parts by id each with rows of its own. */
export type Grouping<P> = Readonly<{
  /** Every field of the state but `parts`, as a flat list of names and values (compared by identity). */
  context: readonly unknown[];
  own: () => readonly FactRow[];
  parts: Readonly<Record<string, P>>;
  rowsOfPart: (part: P) => readonly FactRow[];
}>;

/** Every field of `state` but `parts`, as a flat list of names and values. */
export function contextOf(state: object, parts: string): unknown[] {
  const context: unknown[] = [];
  for (const name of Object.keys(state)) if (name !== parts) context.push(name, (state as Record<string, unknown>)[name]);
  return context;
}

/** The rows of a state, reusing each group of `previous` whose context and part are unchanged. */
export function deriveGroups<P>(grouping: Grouping<P>, previous: StreamRows): StreamRows {
  const reuse = sameItems(grouping.context, previous.context);
  const groups = new Map<string | symbol, RowGroup>();
  const ownBefore = reuse ? previous.groups.get(OWN) : undefined;
  groups.set(OWN, ownBefore ?? { source: undefined, rows: keyed(grouping.own()) });
  for (const id in grouping.parts) {
    const part = grouping.parts[id];
    const before = reuse ? previous.groups.get(id) : undefined;
    groups.set(id, before?.source === part ? before : { source: part, rows: keyed(grouping.rowsOfPart(part)) });
  }
  return { context: grouping.context, groups };
}

/** Rows to end and rows to add between two versions of a stream's rows; groups kept as they were are skipped. */
export function diffGroups(before: StreamRows, after: StreamRows): { ended: FactRow[]; added: FactRow[] } {
  const ended: FactRow[] = [];
  const added: FactRow[] = [];
  const none: ReadonlyMap<string, FactRow> = new Map();
  for (const [id, group] of before.groups) {
    const next = after.groups.get(id);
    if (next === group) continue;
    const change = diffRows(group.rows, next?.rows ?? none);
    ended.push(...change.ended);
    added.push(...change.added);
  }
  for (const [id, group] of after.groups) if (!before.groups.has(id)) added.push(...group.rows.values());
  return { ended, added };
}

function keyed(rows: readonly FactRow[]): Map<string, FactRow> {
  const byKey = new Map<string, FactRow>();
  for (const row of rows) byKey.set(row.key, row);
  return byKey;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
