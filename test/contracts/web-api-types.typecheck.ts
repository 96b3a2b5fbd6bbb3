/**
 * The web page keeps its own copy of the API answers it reads (apps/web/src/api-types.ts: a browser bundle does
 * not import the server's libraries). This file makes `npm run typecheck` fail when the answers the API builds
 * stop fitting that copy: each line says "what the server returns can be used where the page expects its type".
 * It has no runtime part; jest does not run it.
 */
import type { OrganisationChangesView, OrganisationEntryView, OrganisationLineageView, StructureDiffView, StructureView, UnitLineageView } from '@orgchange/projections';
import type { NotificationRecord } from '@orgchange/workflow';
import type { ProgrammesController } from '../../apps/api/src/programmes/programmes.controller';
import type {
  Changes,
  DirectoryEntry,
  OrganisationLineage,
  ProgrammeDetail,
  ProgrammeImpact,
  ProgrammeNotifications,
  ProgrammeSummary,
  Structure,
  StructureDiff,
  UnitLineage,
} from '../../apps/web/src/api-types';

/** The server's types are deeply read-only; the page's are not, and only reads them. Branded strings (dates) stay strings. */
type Writable<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer E)[]
    ? Writable<E>[]
    : T extends object
      ? { -readonly [K in keyof T]: Writable<T[K]> }
      : T;
type Fits<Server, Page> = [Writable<Server>] extends [Page] ? true : false;
type Answer<Method extends keyof ProgrammesController> = ProgrammesController[Method] extends (...args: never[]) => Promise<infer A> ? A : never;

export const webApiTypesFit: readonly true[] = [
  true satisfies Fits<StructureView, Structure>,
  true satisfies Fits<StructureDiffView, StructureDiff>,
  true satisfies Fits<OrganisationChangesView, Changes>,
  true satisfies Fits<UnitLineageView, UnitLineage>,
  true satisfies Fits<OrganisationEntryView, DirectoryEntry>,
  true satisfies Fits<OrganisationLineageView, OrganisationLineage>,
  true satisfies Fits<Answer<'list'>, { programmes: ProgrammeSummary[] }>,
  true satisfies Fits<NonNullable<Answer<'show'>>, ProgrammeDetail>,
  true satisfies Fits<Answer<'impactOf'>, ProgrammeImpact>,
  true satisfies Fits<{ notifications: NotificationRecord[] }, ProgrammeNotifications>,
];
