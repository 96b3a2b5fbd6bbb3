import { SqliteEventStore } from '@orgchange/event-store';
import { NotificationSagaRunner } from '@orgchange/workflow';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from '../libs/workflow/src/notifications/testing/programme-history';
import { type ApiHarness, startApi } from './support/api-harness';

/** Given a programme withdrawn after scheduling, whose notifications the saga (the worker's job) has written. */
describe('notification reads', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await api.store.append('programme-reorg', asNewEvents('programme-reorg', programmeHistory('reorg', plannedChanges(2), { withdraw: 'after-scheduling' })), { expectedVersion: 'no_stream' });
    await new NotificationSagaRunner(api.store as SqliteEventStore, new TableRecipientFinder(1)).catchUp();
  });
  afterAll(() => api.close());

  it("GET /programmes/:id/notifications lists the programme's notifications oldest first, pending on every channel", async () => {
    const { body } = await api.http.get('/programmes/reorg/notifications').expect(200);

    // Recipients: two posts, two change units and the board; four programme-wide steps and the withdrawal.
    expect(body.notifications).toHaveLength(5 * 5);
    expect(body.notifications.map((n: { kind: string }) => n.kind).filter((k: string, i: number, all: string[]) => all.indexOf(k) === i)).toEqual([
      'proposal-published',
      'consultation-opened',
      'consultation-closing-soon',
      'programme-decided',
      'programme-withdrawn',
    ]);
    expect(body.notifications[0]).toMatchObject({ programmeId: 'reorg', changeId: null, recipient: { recipientKind: 'post', recipientId: 'change-0-post-0' }, deliveries: [] });
  });

  it('GET /units/:id/notifications lists what the unit was told', async () => {
    const { body } = await api.http.get('/units/board/notifications').expect(200);

    expect(body.notifications.map((n: { kind: string; recipient: { recipientId: string } }) => `${n.kind} ${n.recipient.recipientId}`)).toEqual([
      'proposal-published board',
      'consultation-opened board',
      'consultation-closing-soon board',
      'programme-decided board',
      'programme-withdrawn board',
    ]);
  });

  it('an unknown programme is 404 ProgrammeNotFound; a unit never told has no notifications', async () => {
    expect((await api.http.get('/programmes/nothing-here/notifications').expect(404)).body.code).toBe('ProgrammeNotFound');
    expect((await api.http.get('/units/quiet-unit/notifications').expect(200)).body).toEqual({ notifications: [] });
  });
});
