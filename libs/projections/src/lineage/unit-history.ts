import type { UnitMoveView, UnitRenameView, UnitTransferView, UnitVersionView } from './lineage.types';

export type UnitHistory = { renames: UnitRenameView[]; moves: UnitMoveView[]; transfers: UnitTransferView[] };

/**
 * Reads a unit's own changes off its versions: within one organisation, consecutive versions differ in name,
 * parent or both. The same unit id appearing in another organisation on the day it left the first is a
 * transfer; the new name and parent it takes there belong to the transfer, not to a rename or move.
 */
export function unitHistory(versions: readonly UnitVersionView[]): UnitHistory {
  const history: UnitHistory = { renames: [], moves: [], transfers: [] };
  const stays = new Map<string, UnitVersionView[]>();
  for (const version of [...versions].sort(byKey((v) => v.from))) stays.set(version.organisationId, [...(stays.get(version.organisationId) ?? []), version]);
  for (const [organisationId, own] of stays) {
    for (let i = 1; i < own.length; i += 1) {
      const [before, after] = [own[i - 1], own[i]];
      if (before.until !== after.from) continue;
      if (before.name !== after.name) history.renames.push({ organisationId, effectiveFrom: after.from, fromName: before.name, toName: after.name });
      if (before.parentUnitId !== after.parentUnitId) {
        history.moves.push({ organisationId, effectiveFrom: after.from, fromParentUnitId: before.parentUnitId, toParentUnitId: after.parentUnitId });
      }
    }
  }
  for (const own of stays.values()) {
    const last = own[own.length - 1];
    if (last.until === null) continue;
    const arrival = [...stays.values()].find((other) => other[0].organisationId !== last.organisationId && other[0].from === last.until)?.[0];
    if (!arrival) continue;
    history.transfers.push({
      effectiveFrom: arrival.from,
      fromOrganisationId: last.organisationId,
      toOrganisationId: arrival.organisationId,
      fromParentUnitId: last.parentUnitId,
      toParentUnitId: arrival.parentUnitId,
    });
  }
  for (const list of [history.renames, history.moves, history.transfers] as { effectiveFrom: string }[][]) list.sort(byKey((c) => c.effectiveFrom));
  return history;
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
