import { IdTable } from './id-table';
import { IntColumn } from './int-column';

export const OPEN_END = 1_000_000_000;
export const NONE = -1;

/** What a post is created with; organisation, unit, family and group role are numbers from the model's tables. */
export type NewPost = Readonly<{ organisation: number; unit: number; family: number; groupRole: number; created: number }>;

/** A holding as it starts: `person` is NONE where no metric will ask who held it. */
export type NewHolding = Readonly<{ appointment: number; from: number; kind: number; person: number }>;

/**
 * Posts and their holdings in typed columns, one row per post and one per holding, so memory grows with the
 * number of posts and appointments and not with the events about them. Each post's holdings are linked
 * newest first; a re-created post starts with none, as the post it replaces is gone.
 */
export class PostTable {
  readonly ids = new IdTable();
  readonly organisation = new IntColumn();
  readonly unit = new IntColumn();
  readonly family = new IntColumn();
  readonly groupRole = new IntColumn();
  readonly created = new IntColumn();
  readonly abolished = new IntColumn();
  private readonly newestHolding = new IntColumn();

  /** FNV-1a of the appointment id: ending a holding only has to tell apart the appointments of one post. */
  private readonly appointment = new IntColumn();
  readonly from = new IntColumn();
  /** Exclusive: the first day no longer held; OPEN_END while open. */
  readonly until = new IntColumn();
  /** Index in APPOINTMENT_KINDS. */
  readonly kind = new IntColumn();
  readonly person = new IntColumn();
  private readonly olderHolding = new IntColumn();

  get size(): number {
    return this.ids.size;
  }

  create(postId: string, post: NewPost): void {
    const p = this.ids.intern(postId);
    const values = [post.organisation, post.unit, post.family, post.groupRole, post.created, OPEN_END, NONE];
    const columns = [this.organisation, this.unit, this.family, this.groupRole, this.created, this.abolished, this.newestHolding];
    columns.forEach((column, i) => (p === column.length ? column.push(values[i]) : column.set(p, values[i])));
  }

  /** The post's number, or NONE when it was never created. */
  find(postId: string): number {
    return this.ids.find(postId);
  }

  abolish(p: number, day: number): void {
    this.abolished.set(p, day);
  }

  startHolding(p: number, holding: NewHolding): void {
    const h = this.appointment.push(holding.appointment);
    this.from.push(holding.from);
    this.until.push(OPEN_END);
    this.kind.push(holding.kind);
    this.person.push(holding.person);
    this.olderHolding.push(this.newestHolding.get(p));
    this.newestHolding.set(p, h);
  }

  /** Ends every holding of the post with this appointment on `day` (its first day not held). */
  endHolding(p: number, appointment: number, day: number): void {
    for (let h = this.newestHolding.get(p); h !== NONE; h = this.olderHolding.get(h)) if (this.appointment.get(h) === appointment) this.until.set(h, day);
  }

  /** The post's holdings, oldest first, as holding numbers into the holding columns. */
  holdingsOf(p: number, into: number[]): number[] {
    into.length = 0;
    for (let h = this.newestHolding.get(p); h !== NONE; h = this.olderHolding.get(h)) into.push(h);
    return into.reverse();
  }
}

/** FNV-1a: appointment ids only need telling apart within one post, so 32 bits are plenty. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
