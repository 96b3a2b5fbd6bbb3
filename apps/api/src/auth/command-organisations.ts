/**
 * The fields that name an organisation in each command's data, read from raw (not yet validated) input so the
 * authorisation guard can run before validation. Kept beside the domain's `organisationsInvolved`, but also
 * counting a transfer's employing organisation: a programme office may not make another organisation an employer.
 */
const ORGANISATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  MergeOrganisations: ['predecessorIds', 'successorId'],
  SplitOrganisation: ['predecessorId', 'successorIds'],
  TransferService: ['fromOrganisationId', 'toOrganisationId', 'employingOrganisationId'],
  ChangeMembership: ['groupOrganisationId', 'memberOrganisationId'],
  RedrawBoundary: ['fromOrganisationId', 'toOrganisationId'],
  TransferEmployment: ['hostOrganisationId', 'fromEmployerId', 'toEmployerId'],
  StartAppointment: ['employingOrganisationId'],
};

/** Post commands other than CreatePost name only the post; its organisation is read from the post's stream. */
const POST_COMMANDS = new Set(['RetitlePost', 'RegradePost', 'AbolishPost', 'StartAppointment', 'EndAppointment']);

/** What a command's data says about the organisations it writes to. */
export type NamedOrganisations = Readonly<{ organisationIds: readonly string[]; postId?: string }>;

/** Organisation ids named by the command's data (strings, or lists of strings), plus the post to look up. */
export function organisationsNamedBy(type: unknown, data: unknown): NamedOrganisations {
  if (typeof data !== 'object' || data === null) return { organisationIds: [] };
  const record = data as Record<string, unknown>;
  const fields = ORGANISATION_FIELDS[String(type)] ?? ['organisationId'];
  const organisationIds = fields.flatMap((field) => idsIn(record[field]));
  const postId = POST_COMMANDS.has(String(type)) && typeof record.postId === 'string' ? record.postId : undefined;
  return { organisationIds, ...(postId ? { postId } : {}) };
}

const idsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
