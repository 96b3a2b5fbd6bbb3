/** A row that was not imported, and why. */
export type Rejection = Readonly<{ file: string; row: number; rule: string; message: string }>;

/** How many rejected rows of each rule are kept as examples; the counts are always complete. */
const EXAMPLES_PER_RULE = 5;

/**
 * What an import did, for the person who ran it: rows read per file, events appended, facts already in the log
 * (a re-run), and rows rejected, counted by rule with a few examples each.
 */
export class ImportReport {
  readonly rowsRead: Record<string, number> = {};
  eventsAppended = 0;
  factsAppended = 0;
  factsAlreadyImported = 0;
  private readonly rejectedByRule = new Map<string, { count: number; examples: Rejection[] }>();

  constructor(readonly source: string) {}

  rowRead(file: string): void {
    this.rowsRead[file] = (this.rowsRead[file] ?? 0) + 1;
  }

  reject(rejection: Rejection): void {
    const entry = this.rejectedByRule.get(rejection.rule) ?? { count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < EXAMPLES_PER_RULE) entry.examples.push(rejection);
    this.rejectedByRule.set(rejection.rule, entry);
  }

  get rowsRejected(): number {
    let total = 0;
    for (const { count } of this.rejectedByRule.values()) total += count;
    return total;
  }

  rejectedCount(rule: string): number {
    return this.rejectedByRule.get(rule)?.count ?? 0;
  }

  toJSON() {
    return {
      source: this.source,
      rowsRead: this.rowsRead,
      totalRowsRead: Object.values(this.rowsRead).reduce((a, b) => a + b, 0),
      factsAppended: this.factsAppended,
      eventsAppended: this.eventsAppended,
      factsAlreadyImported: this.factsAlreadyImported,
      rowsRejected: this.rowsRejected,
      rejections: Object.fromEntries([...this.rejectedByRule].sort(([, a], [, b]) => b.count - a.count).map(([rule, entry]) => [rule, entry])),
    };
  }
}
