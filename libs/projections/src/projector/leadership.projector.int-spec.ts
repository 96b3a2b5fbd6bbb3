import { DEMO, recordDemoInto } from '@orgchange/demo-data';
import { type CalendarDate, eventUpcasters, type OrganisationCommand, organisationStream, streamDeciders } from '@orgchange/domain';
import { chainUpcasters, handleCommand, SqliteEventStore } from '@orgchange/event-store';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StructureQuery } from '../structure/structure.query';
import type { PostView, StructureView, UnitView } from '../structure/structure.types';
import { LeadershipProjector } from './leadership.projector';
import { dumpReadModel } from './test-oracle';

const { trust, communityTrust, council } = DEMO;
const date = (value: string) => value as CalendarDate;

/** One second per transaction, so every command of the demo has its own recorded instant. */
const tickingClock = (start = Date.UTC(2024, 0, 1)) => {
  let ticks = 0;
  return () => new Date(start + 1000 * ticks++);
};
const justBefore = (instant: string): string => new Date(Date.parse(instant) - 1).toISOString();

const flatten = (units: readonly UnitView[]): UnitView[] => units.flatMap((u) => [u, ...flatten(u.children)]);
const unitIds = (view: StructureView | undefined): string[] => flatten(view?.units ?? []).map((u) => u.unitId);
const postIn = (view: StructureView | undefined, postId: string): PostView | undefined => flatten(view?.units ?? []).flatMap((u) => u.posts).find((p) => p.postId === postId);
const holdersOf = (view: StructureView | undefined, postId: string) => postIn(view, postId)?.holders.map((h) => ({ personId: h.personId, kind: h.kind, coveringForPersonId: h.coveringForPersonId }));

/** Resolves once `done()` holds, checking every 10 ms; fails after `timeoutMs`. */
async function waitUntil(done: () => boolean, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !done(); ) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('LeadershipProjector over the demo history', () => {
  let dir: string;
  let pristine: string;
  let store: SqliteEventStore;
  let projector: LeadershipProjector;
  let query: StructureQuery;
  /** The last position of the demo history: "as known now" for the expectations below. */
  let loaded: number;
  const opened: SqliteEventStore[] = [];

  const structure = (organisationId: string, at: string, position = loaded) => query.structure(organisationId, { at: date(at), position }, `position ${position}`);
  const organisationCommand = (command: OrganisationCommand) =>
    handleCommand(store, streamDeciders.organisation, organisationStream(command.data.organisationId), command, {
      metadata: { actor: 'test', correlationId: command.type },
      newEventId: () => randomUUID(),
    });
  const recordedAtOf = async (position: bigint) => (await store.readAll({ after: position - 1n, limit: 1 }))[0].recordedAt;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-projector-'));
    pristine = join(dir, 'pristine.sqlite');
    store = new SqliteEventStore({ file: join(dir, 'demo.sqlite'), now: tickingClock(), upcast: chainUpcasters(eventUpcasters) });
    await recordDemoInto(store);
    store.database.exec(`VACUUM INTO '${pristine}'`);
    projector = new LeadershipProjector(store);
    await projector.rebuild();
    loaded = Number(projector.checkpoint());
    query = new StructureQuery(store.database);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([store, ...opened].map((s) => s?.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('has applied the whole demo log', async () => {
    expect(loaded).toBe(await store.count());
  });

  it('on 2016-01-01 shows three divisions, each led by a triumvirate, cd-med held substantively by p-cd-med', () => {
    const view = structure(trust, '2016-01-01');

    const divisions = flatten(view!.units).filter((u) => u.kind === 'division');
    expect(divisions.map((d) => d.name).sort()).toEqual(['Division of Medicine', 'Division of Surgery', "Division of Women's and Children's Services"]);
    expect(divisions.every((d) => d.parentUnitId === null)).toBe(true);
    expect(holdersOf(view, 'cd-med')).toEqual([{ personId: 'p-cd-med', kind: 'substantive', coveringForPersonId: null }]);
    expect(postIn(view, 'cd-med')?.unitId).toBe('div-medicine');
    const groups = view!.groups.map((g) => ({ groupId: g.groupId, unitId: g.unitId, roles: g.members.map((m) => `${m.groupRole}:${m.holders.join()}`).sort() }));
    expect(groups.sort((a, b) => a.groupId.localeCompare(b.groupId))).toEqual(
      (['med', 'surg', 'wc'] as const).map((key) => ({
        groupId: `triumvirate-${key}`,
        unitId: { med: 'div-medicine', surg: 'div-surgery', wc: 'div-women-children' }[key],
        roles: [`business-manager:p-bm-${key}`, `clinical-director:p-cd-${key}`, `nurse-manager:p-nm-${key}`],
      })),
    );
  });

  it('on 2017-09-15 shows p-cons-cardio acting for p-cd-med, from the date the backdated correction gave', () => {
    expect(holdersOf(structure(trust, '2017-09-15'), 'cd-med')).toEqual(
      expect.arrayContaining([
        { personId: 'p-cd-med', kind: 'substantive', coveringForPersonId: null },
        { personId: 'p-cons-cardio', kind: 'acting', coveringForPersonId: 'p-cd-med' },
      ]),
    );
    expect(postIn(structure(trust, '2017-09-15'), 'cd-med')?.holders.find((h) => h.kind === 'acting')).toMatchObject({ from: '2017-09-01', until: '2018-10-01' });
  });

  it('as known just before the correction was recorded, shows the acting-up from 2017-10-01 only', async () => {
    const correction = (await store.readAll({ limit: 10_000 })).find((e) => e.type === 'EventCorrected')!;
    const before = Number(store.positionRecordedBy(justBefore(correction.recordedAt)));

    expect(before).toBe(Number(correction.globalPosition) - 1);
    expect(holdersOf(structure(trust, '2017-09-15', before), 'cd-med')).toEqual([{ personId: 'p-cd-med', kind: 'substantive', coveringForPersonId: null }]);
    expect(holdersOf(structure(trust, '2017-10-15', before), 'cd-med')).toContainEqual({ personId: 'p-cons-cardio', kind: 'acting', coveringForPersonId: 'p-cd-med' });
  });

  it('on 2021-08-01 shows Medicine and Surgery merged, with cd-medsurg held by p-cd-med', () => {
    const view = structure(trust, '2021-08-01');

    expect(unitIds(view)).toEqual(expect.arrayContaining(['div-medicine-surgery', 'div-women-children', 'div-integrated-care']));
    expect(unitIds(view)).not.toContain('div-medicine');
    expect(unitIds(view)).not.toContain('div-surgery');
    expect(holdersOf(view, 'cd-medsurg')).toEqual([{ personId: 'p-cd-med', kind: 'substantive', coveringForPersonId: null }]);
    expect(postIn(view, 'cd-med')).toBeUndefined();
  });

  it('shows community nursing in Brookfield before 2020-10-01 and under div-integrated-care in the trust after', () => {
    const trustView = structure(trust, '2021-08-01');
    const integratedCare = flatten(trustView!.units).find((u) => u.unitId === 'div-integrated-care')!;

    expect(integratedCare.children.map((c) => c.unitId)).toEqual(expect.arrayContaining(['community-nursing', 'int-east']));
    expect(unitIds(structure(communityTrust, '2021-08-01'))).not.toContain('community-nursing');
    expect(unitIds(structure(communityTrust, '2020-09-30'))).toContain('community-nursing');
    expect(unitIds(structure(trust, '2020-09-30'))).not.toContain('community-nursing');
  });

  it('brings the community nursing lead post and its holder across with the service', () => {
    const postsOf = (view: ReturnType<typeof structure>, unitId: string) => flatten(view!.units).find((u) => u.unitId === unitId)?.posts ?? [];
    const [lead] = postsOf(structure(trust, '2021-08-01'), 'community-nursing');
    expect(lead).toMatchObject({ postId: 'community-lead', holders: [expect.objectContaining({ personId: 'p-community-lead', kind: 'substantive' })] });
    expect(postsOf(structure(communityTrust, '2020-09-30'), 'community-nursing').map((p) => p.postId)).toEqual(['community-lead']);
    expect(structure(communityTrust, '2021-08-01')!.counts.posts).toBe(0);
  });

  it("lists the neighbourhood team under the council's partnerships, the social worker employed by the council", () => {
    const view = structure(council, '2021-08-01');

    expect(view!.units).toEqual([]);
    expect(view!.partnerships.map((u) => ({ unitId: u.unitId, host: u.hostOrganisationId, members: u.memberOrganisationIds }))).toEqual([{ unitId: 'int-east', host: trust, members: [council] }]);
    const socialWorker = view!.partnerships[0].posts.find((p) => p.postId === 'int-social-worker')!;
    expect(socialWorker.holders).toEqual([expect.objectContaining({ personId: 'p-social-worker', employingOrganisationId: council })]);
  });

  it('applies a backdated dissolution from its effective date, but only as known after it was recorded', async () => {
    const [dissolved] = (await organisationCommand({ type: 'DissolveUnit', data: { organisationId: trust, unitId: 'spec-fracture-clinic', effectiveFrom: date('2016-06-01') } })).events;
    await projector.catchUp();
    const recordedAt = await recordedAtOf(dissolved.globalPosition);
    const [before, after] = [store.positionRecordedBy(justBefore(recordedAt)), store.positionRecordedBy(recordedAt)].map(Number);

    expect([before, after]).toEqual([Number(dissolved.globalPosition) - 1, Number(dissolved.globalPosition)]);
    expect(unitIds(structure(trust, '2017-01-01', before))).toContain('spec-fracture-clinic');
    expect(unitIds(structure(trust, '2017-01-01', after))).not.toContain('spec-fracture-clinic');
    expect(unitIds(structure(trust, '2016-06-01', after))).not.toContain('spec-fracture-clinic');
    expect(unitIds(structure(trust, '2016-05-31', after))).toContain('spec-fracture-clinic');
  });

  it('changes nothing when caught up twice, and a rebuild gives the same rows', async () => {
    const once = dumpReadModel(store.database);

    await expect(projector.catchUp()).resolves.toBe(0);
    await expect(Promise.all([projector.catchUp(), projector.catchUp()])).resolves.toEqual([0, 0]);
    expect(dumpReadModel(store.database)).toEqual(once);
    await projector.rebuild();
    expect(dumpReadModel(store.database)).toEqual(once);
  });

  it('gives the same rows when two projectors on one file catch up concurrently, with different page sizes', async () => {
    const file = join(dir, 'concurrent.sqlite');
    copyFileSync(pristine, file);
    const [a, b] = [new SqliteEventStore({ file }), new SqliteEventStore({ file })];
    opened.push(a, b);

    const [first, second] = [new LeadershipProjector(a, { pageSize: 7 }), new LeadershipProjector(b, { pageSize: 11 })];
    const applied = await Promise.all([first.catchUp(), second.catchUp()]);
    // Each in turn applies what the other has not: neither may reuse stream states the other has moved past.
    for (const [projector, name] of [[second, 'Cardiology One'], [first, 'Cardiology Two']] as const) {
      await handleCommand(a, streamDeciders.organisation, organisationStream(trust), { type: 'RenameUnit', data: { organisationId: trust, unitId: 'spec-cardiology', name, effectiveFrom: date('2023-01-01') } }, { metadata: { actor: 'test', correlationId: name }, newEventId: () => randomUUID() });
      await projector.catchUp();
    }
    const concurrent = dumpReadModel(a.database);
    await new LeadershipProjector(a).rebuild();

    expect(applied[0] + applied[1]).toBe((await a.count()) - 2);
    expect(concurrent).toEqual(dumpReadModel(a.database));
  });

  it('follows live appends once started', async () => {
    await projector.start();
    const [renamed] = (await organisationCommand({ type: 'RenameUnit', data: { organisationId: trust, unitId: 'spec-cardiology', name: 'Cardiology and Vascular', effectiveFrom: date('2022-01-01') } })).events;

    await waitUntil(() => projector.checkpoint() >= renamed.globalPosition);
    await projector.stop();

    const cardiology = flatten(structure(trust, '2022-01-01', Number(renamed.globalPosition))!.units).find((u) => u.unitId === 'spec-cardiology');
    expect(cardiology?.name).toBe('Cardiology and Vascular');
  });
});
