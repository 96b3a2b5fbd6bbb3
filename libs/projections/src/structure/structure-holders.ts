import type { HolderView, StructureView, UnitView } from './structure.types';

const allUnits = (list: readonly UnitView[]): UnitView[] => list.flatMap((u) => [u, ...allUnits(u.children)]);

/** Every holding shown in a structure, in its own units and in the partnerships it takes part in. */
export const holdersOf = (view: StructureView): HolderView[] =>
  allUnits([...view.units, ...view.partnerships]).flatMap((u) => u.posts.flatMap((p) => [...p.holders]));

/**
 * The view with each holder's `name` (null when unknown). Names live outside the log and the read model (in
 * the erasable person directory), so they are added by whoever shows the structure to a person.
 */
export function withHolderNames(view: StructureView, nameOf: (personId: string) => string | null): StructureView {
  const unit = (u: UnitView): UnitView => ({
    ...u,
    posts: u.posts.map((p) => ({ ...p, holders: p.holders.map((h) => ({ ...h, name: nameOf(h.personId) })) })),
    children: u.children.map(unit),
  });
  return { ...view, units: view.units.map(unit), partnerships: view.partnerships.map(unit) };
}
