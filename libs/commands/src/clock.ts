/** DI token for the {@link Clock}. Tests inject a fixed one. */
export const CLOCK = Symbol('CLOCK');

/** The source of "now" for commands (the store stamps `recordedAt` itself). */
export type Clock = Readonly<{ now: () => Date }>;

export const systemClock: Clock = { now: () => new Date() };
