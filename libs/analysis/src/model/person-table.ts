import { IdTable } from './id-table';
import { IntColumn } from './int-column';

/**
 * The people the people metrics can meet: everyone registered as a clinician, and everyone who held a
 * leadership post. Others are never counted, so they are not kept: memory follows those two groups, not
 * every registration.
 */
export class PersonTable {
  private readonly ids = new IdTable();
  private readonly clinician = new IntColumn();

  get size(): number {
    return this.ids.size;
  }

  /** A registration sets whether the person is a clinician; a later one wins. */
  register(personId: string, clinical: boolean): void {
    if (clinical) this.clinician.set(this.numberOf(personId), 1);
    else {
      const n = this.ids.find(personId);
      if (n !== -1) this.clinician.set(n, 0);
    }
  }

  /** The person's number, given one on first sight. */
  numberOf(personId: string): number {
    const n = this.ids.intern(personId);
    if (n === this.clinician.length) this.clinician.push(0);
    return n;
  }

  isClinician(n: number): boolean {
    return this.clinician.get(n) === 1;
  }
}
