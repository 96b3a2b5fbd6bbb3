import { chainUpcasters, identityUpcaster, type StoredEvent } from './upcasting';

// As a v1 `UnitRenamed` sits in the events table: `name` was a single string, and no reason was recorded.
const storedV1Json = '{"unitId":"0190b2c4-7d1e-7a00-8000-000000000001","name":"Cardiology","effectiveFrom":"2024-04-01"}';

const upcast = chainUpcasters({
  // v2 split the display name from the legal name.
  'UnitRenamed@1': (data) => {
    const { name, ...rest } = data as { name: string };
    return { version: 2, data: { ...rest, displayName: name, legalName: name } };
  },
  // v3 made `reason` mandatory; events from before it was asked for say so explicitly.
  'UnitRenamed@2': (data) => ({ version: 3, data: { ...(data as object), reason: 'not recorded' } }),
});

describe('chainUpcasters', () => {
  it('takes a stored v1 event through every step to the current version', () => {
    const stored: StoredEvent = { type: 'UnitRenamed', version: 1, data: JSON.parse(storedV1Json) };

    expect(upcast(stored)).toEqual({
      type: 'UnitRenamed',
      version: 3,
      data: {
        unitId: '0190b2c4-7d1e-7a00-8000-000000000001',
        displayName: 'Cardiology',
        legalName: 'Cardiology',
        effectiveFrom: '2024-04-01',
        reason: 'not recorded',
      },
    });
  });

  it('starts from the stored version, so a v2 event takes only the last step', () => {
    const stored: StoredEvent = { type: 'UnitRenamed', version: 2, data: { displayName: 'A', legalName: 'B' } };

    expect(upcast(stored)).toEqual({
      type: 'UnitRenamed',
      version: 3,
      data: { displayName: 'A', legalName: 'B', reason: 'not recorded' },
    });
  });

  it('returns an event with no matching step as it is', () => {
    const current: StoredEvent = { type: 'UnitRenamed', version: 3, data: { reason: 'merger' } };
    const other: StoredEvent = { type: 'UnitDissolved', version: 1, data: {} };

    expect(upcast(current)).toBe(current);
    expect(upcast(other)).toBe(other);
  });

  it('leaves the stored data untouched', () => {
    const data = JSON.parse(storedV1Json);
    upcast({ type: 'UnitRenamed', version: 1, data });

    expect(data).toEqual(JSON.parse(storedV1Json));
  });

  it('refuses a step that does not raise the version, which would loop forever', () => {
    const looping = chainUpcasters({ 'UnitRenamed@1': (data) => ({ version: 1, data }) });

    expect(() => looping({ type: 'UnitRenamed', version: 1, data: {} })).toThrow(/must raise it/);
  });

  it('refuses a key that is not type@version when the table is built', () => {
    expect(() => chainUpcasters({ UnitRenamed: (data) => ({ version: 2, data }) })).toThrow(/type@version/);
  });
});

describe('identityUpcaster', () => {
  it('returns the stored event unchanged', () => {
    const stored: StoredEvent = { type: 'UnitRenamed', version: 1, data: JSON.parse(storedV1Json) };

    expect(identityUpcaster(stored)).toBe(stored);
  });
});
