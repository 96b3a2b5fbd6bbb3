import { v5 as uuidv5 } from 'uuid';

/** Namespace of orgchange's importer event ids (a fixed random UUID: changing it would re-import everything). */
const IMPORT_NAMESPACE = '2d4b5f0e-6c1a-4f7e-9a53-0b8e4c6d2a17';

/**
 * The id of the `index`-th event a fact puts in a stream. It depends only on what the fact says (its key),
 * so importing the same file again meets ids already in the log and appends nothing, while a newer extract
 * adds only the facts that are new.
 */
export const factEventId = (factKey: string, streamId: string, index: number): string => uuidv5(`${factKey}|${streamId}|${index}`, IMPORT_NAMESPACE);
