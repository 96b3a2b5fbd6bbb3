import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CalendarDate, type OrganisationCommand, organisationStream, streamDeciders } from '@orgchange/domain';
import { handleCommand, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector } from '../projector/leadership.projector';
import { StructureQuery } from './structure.query';

const day = (iso: string) => iso as CalendarDate;

describe('StructureQuery: the organisation itself', () => {
  let dir: string;
  let store: SqliteEventStore;
  let ids = 0;
  const run = (command: OrganisationCommand) =>
    handleCommand(store, streamDeciders.organisation, organisationStream('acme'), command, {
      metadata: { actor: 'test', correlationId: 'c' },
      newEventId: () => `e-${(ids += 1)}`,
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-structure-'));
    store = new SqliteEventStore({ file: join(dir, 'db.sqlite') });
    await run({ type: 'EstablishOrganisation', data: { organisationId: 'acme', name: 'Acme Trust', kind: 'nhs-trust', effectiveFrom: day('2019-12-01') } });
    await run({ type: 'RenameOrganisation', data: { organisationId: 'acme', name: 'Acme Hospitals Trust', effectiveFrom: day('2020-09-01') } });
    await run({ type: 'CloseOrganisation', data: { organisationId: 'acme', effectiveFrom: day('2022-01-01') } });
    await new LeadershipProjector(store).catchUp();
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the name of the date but the opening and closing of its whole life', () => {
    const structure = new StructureQuery(store.database).structure('acme', { at: day('2020-06-30'), position: 3 }, 'now');
    expect(structure?.organisation).toMatchObject({ name: 'Acme Trust', openFrom: '2019-12-01', closesOn: '2022-01-01' });
  });

  it('leaves the closing open as the record stood before the closure was recorded', () => {
    const structure = new StructureQuery(store.database).structure('acme', { at: day('2020-10-01'), position: 2 }, 'then');
    expect(structure?.organisation).toMatchObject({ name: 'Acme Hospitals Trust', openFrom: '2019-12-01', closesOn: null });
  });

  it('answers nothing for a date after the closure', () => {
    expect(new StructureQuery(store.database).structure('acme', { at: day('2022-01-01'), position: 3 }, 'now')).toBeUndefined();
  });
});
