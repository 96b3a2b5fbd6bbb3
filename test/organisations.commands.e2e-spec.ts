import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, expectAccepted, send } from './support/fixtures';

describe('organisation commands', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('POST /organisations establishes an organisation', async () => {
    const res = await send(api, '/organisations', { organisationId: 'northvale', name: 'Northvale NHS Trust', kind: 'nhs-trust', externalCode: 'RZZ', effectiveFrom: '2012-04-01' });

    const [logged] = await expectAccepted(api, res, 'organisation-northvale', ['OrganisationEstablished']);
    expect(res.headers.etag).toBe('W/"0"');
    expect(logged.data).toMatchObject({ organisationId: 'northvale', name: 'Northvale NHS Trust', externalCode: 'RZZ', effectiveFrom: '2012-04-01' });
  });

  it('POST /organisations generates an organisation id when none is given', async () => {
    const res = await send(api, '/organisations', { name: 'Westfield Council', kind: 'council', effectiveFrom: '1974-04-01' });

    expect(res.body.streamId).toMatch(/^organisation-[0-9a-f-]{36}$/);
    await expectAccepted(api, res, res.body.streamId, ['OrganisationEstablished']);
  });

  describe('given an established organisation', () => {
    beforeEach(async () => {
      await establishOrganisation(api, 'northvale', '2012-04-01');
    });

    it('POST /organisations/:id/rename renames it', async () => {
      const res = await send(api, '/organisations/northvale/rename', { name: 'Northvale Hospitals NHS Foundation Trust', effectiveFrom: '2016-04-01', reason: 'foundation trust status' });

      const [logged] = await expectAccepted(api, res, 'organisation-northvale', ['OrganisationRenamed']);
      expect(res.headers.etag).toBe('W/"1"');
      expect(logged.data).toMatchObject({ name: 'Northvale Hospitals NHS Foundation Trust', effectiveFrom: '2016-04-01' });
    });

    it('POST /organisations/:id/reclassify changes its kind from a date', async () => {
      const res = await send(api, '/organisations/northvale/reclassify', { kind: 'nhs-foundation-trust', effectiveFrom: '2016-04-01', reason: 'authorised by Monitor' });

      const [logged] = await expectAccepted(api, res, 'organisation-northvale', ['OrganisationReclassified']);
      expect(logged.data).toMatchObject({ organisationId: 'northvale', kind: 'nhs-foundation-trust', effectiveFrom: '2016-04-01' });
    });

    it('POST /organisations/:id/reclassify names the field of an unknown kind and appends nothing', async () => {
      const res = await send(api, '/organisations/northvale/reclassify', { kind: 'hospital', effectiveFrom: '2016-04-01' });

      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('kind');
      expect(await api.eventCount()).toBe(1);
    });

    it('POST /organisations/:id/close closes it', async () => {
      const res = await send(api, '/organisations/northvale/close', { effectiveFrom: '2022-07-01' });

      const [logged] = await expectAccepted(api, res, 'organisation-northvale', ['OrganisationClosed']);
      expect(logged.data).toMatchObject({ organisationId: 'northvale', effectiveFrom: '2022-07-01' });
    });
  });

  describe('given three established organisations', () => {
    beforeEach(async () => {
      for (const id of ['east', 'west', 'central']) await establishOrganisation(api, id, '2012-04-01');
    });

    it('POST /organisations/merges records the merger in every organisation involved', async () => {
      const res = await send(api, '/organisations/merges', { predecessorIds: ['east', 'west'], successorId: 'central', effectiveFrom: '2020-04-01' });

      const logged = await expectAccepted(api, res, 'organisation-east', ['OrganisationsMerged', 'OrganisationsMerged', 'OrganisationsMerged']);
      expect(logged.map((e) => e.streamId)).toEqual(['organisation-east', 'organisation-west', 'organisation-central']);
      expect(res.body.streams).toEqual([
        { streamId: 'organisation-east', streamVersion: 1 },
        { streamId: 'organisation-west', streamVersion: 1 },
        { streamId: 'organisation-central', streamVersion: 1 },
      ]);
      expect(logged[0].data).toMatchObject({ predecessorIds: ['east', 'west'], successorId: 'central', effectiveFrom: '2020-04-01' });
    });

    it('POST /organisations/:id/split records the split in the predecessor and each successor', async () => {
      const res = await send(api, '/organisations/central/split', { successorIds: ['east', 'west'], effectiveFrom: '2021-04-01' });

      const logged = await expectAccepted(api, res, 'organisation-central', ['OrganisationSplit', 'OrganisationSplit', 'OrganisationSplit']);
      expect(logged.map((e) => e.streamId)).toEqual(['organisation-central', 'organisation-east', 'organisation-west']);
      expect(logged[0].data).toMatchObject({ predecessorId: 'central', successorIds: ['east', 'west'] });
    });
  });
});
