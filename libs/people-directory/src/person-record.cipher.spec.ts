import { newPersonKey, openNames, sealNames } from './person-record.cipher';

const names = [{ name: 'Ada Lovelace' }, { name: 'Augusta Ada King', from: '1835-07-08' as never }];

describe('person record cipher (AES-256-GCM, a key per person)', () => {
  it('opens what it sealed, with the same key, person and source', () => {
    const key = newPersonKey();
    expect(openNames(key, 'p-1', 'ifg', sealNames(key, 'p-1', 'ifg', names))).toEqual(names);
  });

  it('does not store the name in the clear', () => {
    const sealed = sealNames(newPersonKey(), 'p-1', 'ifg', names);
    expect(sealed.ciphertext.toString('utf8')).not.toContain('Ada');
    expect(sealed.ciphertext.toString('latin1')).not.toContain('Lovelace');
  });

  it('refuses another key: once a key is destroyed the record cannot be read', () => {
    const sealed = sealNames(newPersonKey(), 'p-1', 'ifg', names);
    expect(() => openNames(newPersonKey(), 'p-1', 'ifg', sealed)).toThrow();
  });

  it('refuses a record moved to another person or source, or with a flipped bit', () => {
    const key = newPersonKey();
    const sealed = sealNames(key, 'p-1', 'ifg', names);
    expect(() => openNames(key, 'p-2', 'ifg', sealed)).toThrow();
    expect(() => openNames(key, 'p-1', 'ods', sealed)).toThrow();
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] ^= 1;
    expect(() => openNames(key, 'p-1', 'ifg', { ...sealed, ciphertext: flipped })).toThrow();
  });

  it('uses a fresh nonce for every record', () => {
    const key = newPersonKey();
    expect(sealNames(key, 'p-1', 'ifg', names).nonce.equals(sealNames(key, 'p-1', 'ifg', names).nonce)).toBe(false);
  });
});
