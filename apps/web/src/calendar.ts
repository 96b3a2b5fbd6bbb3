/** Calendar days as whole numbers since 1970-01-01 (UTC), so a range input can step one day at a time. */
const MS_PER_DAY = 86_400_000;

export const dayNumber = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);

export const isoDate = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const today = (): string => new Date().toISOString().slice(0, 10);

export const isCalendarDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDate(dayNumber(value)) === value;

/** The day before `isoDay`, e.g. to look at the structure the day before a change. */
export const dayBefore = (isoDay: string): string => isoDate(dayNumber(isoDay) - 1);

/** The first tick strictly after `day`, or undefined; ticks sorted ascending. */
export const nextTick = (ticks: readonly number[], day: number): number | undefined => ticks.find((t) => t > day);

/** The last tick strictly before `day`, or undefined; ticks sorted ascending. */
export const previousTick = (ticks: readonly number[], day: number): number | undefined => [...ticks].reverse().find((t) => t < day);

/** One millisecond before an ISO instant: the record as it stood just before an event was recorded. */
export const instantBefore = (isoInstant: string): string => new Date(Date.parse(isoInstant) - 1).toISOString();
