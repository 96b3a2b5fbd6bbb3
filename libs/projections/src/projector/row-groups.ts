import { diffRows, type FactRow } from '../read-model/fact-row';

/**
 * The fact rows one part of a stream's state contributes (one unit, one holding, the rest of the state),
 * with the pieces of state they were derived from. The domain's evolve functions share unchanged pieces of
 * state between versions, so a group whose sources are the same objects as before has the same rows and is
 * neither derived again nor compared: an event costs the parts it touched, not the whole organisation.
 */
export type RowGroup = Readonly<{ sources: readonly unknown[]; rows: ReadonlyMap<string, FactRow> }>;

/**
 * A stream's rows by group id, and the context they were derived in: the state's fields other than its
 * collection of parts. Every group may read the context, so when it changes every group is derived again.
 */
export type StreamRows = Readonly<{ context: readonly unknown[]; groups: ReadonlyMap<string, RowGroup> }>;

/** One group of a state: its id, what it is derived from besides the context, and how. */
export type GroupSpec = Readonly<{ id: string; sources: readonly unknown[]; derive: () => readonly FactRow[] }>;

export const NO_ROWS: StreamRows = { context: [], groups: new Map() };

/** Every field of `state` but `parts`, as a flat list of names and values (compared by identity). */
export function contextOf(state: object, parts: string): unknown[] {
  const context: unknown[] = [];
  for (const [name, value] of Object.entries(state)) if (name !== parts) context.push(name, value);
  return context;
}

/** The rows of `specs` in `context`, reusing each group of `previous` whose context and sources are unchanged. */
export function deriveGroups(context: readonly unknown[], specs: Iterable<GroupSpec>, previous: StreamRows): StreamRows {
  const reuse = sameItems(context, previous.context);
  const groups = new Map<string, RowGroup>();
  for (const spec of specs) {
    const before = reuse ? previous.groups.get(spec.id) : undefined;
    if (before && sameItems(before.sources, spec.sources)) {
      groups.set(spec.id, before);
      continue;
    }
    const rows = new Map<string, FactRow>();
    for (const row of spec.derive()) rows.set(row.key, row);
    groups.set(spec.id, { sources: spec.sources, rows });
  }
  return { context, groups };
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

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
