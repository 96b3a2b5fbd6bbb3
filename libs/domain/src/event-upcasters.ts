/**
 * How to read stored events of older schema versions: one step per old `type@version`, returning the next
 * version's data. The stores apply these on every read, so deciders and projections only ever see current
 * versions and stored events are never rewritten. Every event type is still at version 1, so it is empty;
 * when a schema changes, bump the event's `version` and add the step from the old one here, with a test
 * that reads the old version from stored JSON.
 */
export const eventUpcasters: Readonly<Record<string, (data: unknown) => Readonly<{ version: number; data: unknown }>>> = {};
