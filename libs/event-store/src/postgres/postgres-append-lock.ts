/** The LISTEN/NOTIFY channel of one schema's log (channels are per database, so the schema names it). */
export const channelOf = (schema: string): string => `${schema}_events`;

/**
 * PL/pgSQL that takes the log's append lock and reads the head of the log (position, recorded time) under it,
 * into the variables `head` and `head_time`; recorded time never runs backwards. Shared by every function
 * that writes events (postgres-schema.ts explains why appends take one lock).
 */
export const lockAndReadHead = (schema: string): string => `
    PERFORM pg_advisory_xact_lock(hashtext('${schema}.append'));
    SELECT e.global_position, e.recorded_at INTO head, head_time FROM events e ORDER BY e.global_position DESC LIMIT 1;
    head := coalesce(head, 0);`;
