import { organisationsNamedBy } from './command-organisations';
import type { StreamOrganisations } from './stream-organisations';

/** The raw request, before validation: guards run ahead of pipes. */
export type RawWrite = Readonly<{ params: Record<string, string>; body: unknown }>;

/**
 * Finds the organisations a write would change: `[]` when it changes none (registering a person), `undefined`
 * when the request does not say (a programme office is then refused; validation would reject it anyway).
 */
export type OrganisationResolver = (write: RawWrite, streams: StreamOrganisations) => Promise<readonly string[] | undefined>;

const bodyOf = (write: RawWrite): Record<string, unknown> =>
  typeof write.body === 'object' && write.body !== null && !Array.isArray(write.body) ? (write.body as Record<string, unknown>) : {};

/** Resolves a command's organisations from its data: the body with the path parameters renamed into it. */
async function ofCommand(type: string, data: Record<string, unknown>, streams: StreamOrganisations): Promise<readonly string[] | undefined> {
  const named = organisationsNamedBy(type, data);
  const ids = [...named.organisationIds];
  if (named.postId !== undefined) {
    const postOrganisation = await streams.ofPost(named.postId);
    if (postOrganisation === undefined) return undefined;
    ids.push(postOrganisation);
  }
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}

/** A command route: `rename` maps path parameters to the command's field names (`organisationId` → `predecessorId`). */
export const command =
  (type: string, rename: Readonly<Record<string, string>> = {}): OrganisationResolver =>
  (write, streams) => {
    const params = Object.fromEntries(Object.entries(write.params).map(([key, value]) => [rename[key] ?? key, value]));
    return ofCommand(type, { ...bodyOf(write), ...params }, streams);
  };

/** Registering a person: people belong to no organisation (their appointments do). */
export const noOrganisation: OrganisationResolver = async () => [];

/** A retraction or correction: the organisation of the stream holding the target event, and of each of its copies. */
export const correctionTarget: OrganisationResolver = (write, streams) => streams.ofEvent(write.params.eventId);

/** Changes planned in a programme body: each change's command, as if it were sent now. */
async function plannedChanges(changes: unknown, streams: StreamOrganisations): Promise<readonly string[] | undefined> {
  if (changes === undefined) return [];
  if (!Array.isArray(changes)) return undefined;
  const ids: string[] = [];
  for (const change of changes) {
    const cmd = (change as { command?: { type?: unknown; data?: unknown } } | null)?.command;
    const data = cmd?.data;
    if (typeof cmd?.type !== 'string' || typeof data !== 'object' || data === null) return undefined;
    const found = await ofCommand(cmd.type, data as Record<string, unknown>, streams);
    if (found === undefined) return undefined;
    ids.push(...found);
  }
  return ids;
}

/** Drafting a programme: the organisations it names and every organisation its planned changes touch. */
export const programmeDraft: OrganisationResolver = async (write, streams) => {
  const body = bodyOf(write);
  const named = Array.isArray(body.organisationIds) ? body.organisationIds.filter((id): id is string => typeof id === 'string') : [];
  const changed = await plannedChanges(body.changes, streams);
  if (named.length === 0 || changed === undefined) return undefined;
  return [...new Set([...named, ...changed])];
};

/** A step of an existing programme: its organisations, plus those of any amended changes in the body. */
export const programmeStep: OrganisationResolver = async (write, streams) => {
  const own = await streams.ofProgramme(write.params.programmeId);
  const changed = await plannedChanges(bodyOf(write).changes, streams);
  if (own === undefined || own.length === 0 || changed === undefined) return undefined;
  return [...new Set([...own, ...changed])];
};

/** A route under `/organisations/:organisationId`: that organisation. */
export const organisationInPath: OrganisationResolver = async (write) => (typeof write.params.organisationId === 'string' ? [write.params.organisationId] : undefined);
