import { type ApiHarness, startApiWithDemo } from './support/api-harness';
import { abolishPost, draftProgramme, fakeClock } from './support/programme-fixtures';

/** GET /programmes/:id/impact over the demo trust: who is told before a decision is taken. */
describe('programme impact', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApiWithDemo({ clock: fakeClock('2018-05-01') });
    await draftProgramme(api, 'no-cd-med', [abolishPost('abolish-cd-med', 'cd-med', '2018-06-01')], ['northvale-ft']);
    await draftProgramme(
      api,
      'quality-lead',
      [
        { changeId: 'create-quality-lead', command: { type: 'CreatePost', data: { postId: 'quality-lead-med', organisationId: 'northvale-ft', unitId: 'div-medicine', title: 'Quality Lead', family: 'management', grade: 'AfC 8b', maxHolders: 1, effectiveFrom: '2018-06-01' } } },
        { changeId: 'fill-quality-lead', command: { type: 'StartAppointment', data: { postId: 'quality-lead-med', appointmentId: 'a-quality-lead', personId: 'p-quality-lead', kind: 'interim', effectiveFrom: '2018-06-01' } } },
      ],
      ['northvale-ft'],
    );
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('names the clinical director post, with its substantive and acting holders, and its triumvirate partners', async () => {
    const res = await api.http.get('/programmes/no-cd-med/impact');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ programmeId: 'no-cd-med', status: 'drafted', changes: 1, unresolved: [] });
    const byPost = Object.fromEntries((res.body.recipients as { recipientKind: string; recipientId: string; personIds: string[]; reasons: string[] }[]).filter((r) => r.recipientKind === 'post').map((r) => [r.recipientId, r]));
    expect(byPost['cd-med']).toMatchObject({ personIds: expect.arrayContaining(['p-cd-med', 'p-cons-cardio']), reasons: expect.arrayContaining(['post-abolished']) });
    expect(byPost['nm-med']).toMatchObject({ personIds: ['p-nm-med'], reasons: ['group-partner'] });
    expect(byPost['bm-med']).toMatchObject({ personIds: ['p-bm-med'], reasons: ['group-partner'] });
  });

  it('names the person a programme appoints to a post it creates the same day, though the record has no such post yet', async () => {
    const res = await api.http.get('/programmes/quality-lead/impact');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ programmeId: 'quality-lead', changes: 2, unresolved: [] });
    expect(res.body.recipients).toContainEqual(expect.objectContaining({ recipientKind: 'post', recipientId: 'quality-lead-med', organisationId: 'northvale-ft', personIds: ['p-quality-lead'], reasons: ['appointment-started'] }));
  });

  it('answers 404 for a programme that does not exist, and 400 naming knownAt when it is not a timestamp', async () => {
    expect((await api.http.get('/programmes/none/impact')).status).toBe(404);
    const bad = await api.http.get('/programmes/no-cd-med/impact').query({ knownAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('knownAt');
  });
});
