import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CalendarDate, type OrganisationCommand, organisationStream, streamDeciders } from '@orgchange/domain';
import { handleCommand, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector } from '../projector/leadership.projector';
import type { StructureView } from './structure.types';
import { StructureQuery } from './structure.query';

const day = (iso: string) => iso as CalendarDate;
const unitNames = (view: StructureView | undefined) => (view?.units ?? []).map((u) => u.name);

/** One StructureQuery asked again and again, as the API and the bench do: its cached rows must follow the projector. */
describe('StructureQuery asked repeatedly (rows cached in memory)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let projector: LeadershipProjector;
  let query: StructureQuery;
  let ids = 0;
  const run = (command: OrganisationCommand) =>
    handleCommand(store, streamDeciders.organisation, organisationStream('acme'), command, {
      metadata: { actor: 'test', correlationId: 'c' },
      newEventId: () => `e-${(ids += 1)}`,
    });
  const unit = (unitId: string, name: string, effectiveFrom: string): OrganisationCommand => ({ type: 'EstablishUnit', data: { organisationId: 'acme', unitId, name, kind: 'division', effectiveFrom: day(effectiveFrom) } });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-structure-cache-'));
    store = new SqliteEventStore({ file: join(dir, 'db.sqlite') });
    projector = new LeadershipProjector(store);
    query = new StructureQuery(store.database);
    await run({ type: 'EstablishOrganisation', data: { organisationId: 'acme', name: 'Acme Trust', kind: 'nhs-trust', effectiveFrom: day('2019-12-01') } });
    await run(unit('medicine', 'Medicine', '2020-01-01'));
    await projector.catchUp();
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers other dates and positions from the same rows', () => {
    expect(unitNames(query.structure('acme', { at: day('2020-06-01'), position: 2 }, 'now'))).toEqual(['Medicine']);
    expect(unitNames(query.structure('acme', { at: day('2019-12-15'), position: 2 }, 'now'))).toEqual([]);
    expect(unitNames(query.structure('acme', { at: day('2020-06-01'), position: 1 }, 'before the unit was recorded'))).toEqual([]);
    expect(query.structure('acme', { at: day('2019-11-30'), position: 2 }, 'now')).toBeUndefined();
  });

  it('shows rows the projector wrote after the last answer, and nothing the projector has not written yet', async () => {
    const at = { at: day('2021-06-01'), position: 10 };
    expect(unitNames(query.structure('acme', at, 'now'))).toEqual(['Medicine']);
    await run(unit('surgery', 'Surgery', '2021-01-01'));
    await run({ type: 'RenameUnit', data: { organisationId: 'acme', unitId: 'medicine', name: 'Medicine and Emergency Care', effectiveFrom: day('2021-04-01') } });
    expect(unitNames(query.structure('acme', at, 'now'))).toEqual(['Medicine']);
    await projector.catchUp();
    expect(unitNames(query.structure('acme', at, 'now')).sort()).toEqual(['Medicine and Emergency Care', 'Surgery']);
    expect(unitNames(query.structure('acme', { at: day('2021-06-01'), position: 2 }, 'then'))).toEqual(['Medicine']);
  });

  it('starts again after a rebuild', async () => {
    expect(unitNames(query.structure('acme', { at: day('2020-06-01'), position: 2 }, 'now'))).toEqual(['Medicine']);
    await run(unit('surgery', 'Surgery', '2020-01-01'));
    await projector.rebuild();
    expect(unitNames(query.structure('acme', { at: day('2020-06-01'), position: 3 }, 'now')).sort()).toEqual(['Medicine', 'Surgery']);
  });
});
