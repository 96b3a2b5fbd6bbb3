import { isClinicalProfession } from '@orgchange/domain';
import type { HoldingRow } from './structure-rows';
import type { HolderView } from './structure.types';
import type { NumericAsOf } from './versioned-rows';

/** A transfer of employment: employer, from (also as a day number) and the position it was recorded at. */
export type Transfer = readonly [employer: string, from: string, fromDay: number, recordedFrom: number];

/** Kinds of holding that fill one of a post's seats. */
export const SEAT_KINDS: ReadonlySet<string> = new Set(['substantive', 'secondment', 'joint']);

/**
 * One version of a holding, with what every answer would otherwise work out again: whether it fills a seat,
 * whether its holder is a clinician, and the holder's transfers of employment (found once, not per answer).
 */
export class HoldingVersion {
  /** Substantive, secondment and joint holders fill a seat; acting, covering and interim ones do not. */
  readonly seat: boolean;
  private readonly clinical: boolean;

  constructor(
    readonly row: HoldingRow,
    private readonly professionFrom: number | null,
    private readonly transfers: readonly Transfer[] | undefined,
  ) {
    this.seat = SEAT_KINDS.has(row.kind);
    this.clinical = isClinicalProfession(row.profession);
  }

  /** A holder's profession shows only once the person's registration is recorded. */
  private professionShown(position: number): boolean {
    return this.professionFrom !== null && this.professionFrom <= position;
  }

  clinicianAt(position: number): boolean {
    return this.clinical && this.professionShown(position);
  }

  /** The holder on the date: a later transfer of employment outranks the employer named when the appointment started; the host employs otherwise. */
  view(point: NumericAsOf, host: string): HolderView {
    const h = this.row;
    return {
      appointmentId: h.appointment_id,
      personId: h.person_id,
      profession: this.professionShown(point.position) ? h.profession : null,
      kind: h.kind,
      from: h.valid_from,
      until: h.valid_to,
      coveringForPersonId: h.covering_for_person_id,
      employingOrganisationId: this.employerOn(point) ?? host,
      fraction: h.fraction,
      programmedActivities: h.programmed_activities,
    };
  }

  private employerOn(point: NumericAsOf): string | null {
    let latest: Transfer | undefined;
    // Ordered by date, then by recording: the person's last transfer that applies wins.
    if (this.transfers) for (const transfer of this.transfers) if (transfer[2] <= point.day && transfer[3] <= point.position) latest = transfer;
    return latest && latest[1] >= this.row.valid_from ? latest[0] : this.row.employing_organisation_id;
  }
}
