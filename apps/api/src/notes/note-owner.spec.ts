import { noteIdOf } from './note-id';
import { noteOwnerOf } from './note-owner';

const OID = '26926d34-dad3-45bb-8bff-84a5f01522d9';

describe('noteOwnerOf', () => {
  it('takes oid, lowercased, over sub', () => {
    expect(noteOwnerOf({ oid: OID.toUpperCase(), sub: 'something else' })).toBe(OID);
  });

  it('takes a GUID-shaped sub when there is no oid', () => {
    expect(noteOwnerOf({ sub: OID })).toBe(OID);
  });

  it.each([
    [{ sub: 'Not supported currently. Use oid claim.' }],
    [{}],
    [{ oid: 'not-a-guid', sub: OID }],
    [{ oid: 42 }],
  ])('names no owner for %j', (claims) => {
    expect(noteOwnerOf(claims)).toBeUndefined();
  });
});

describe('noteIdOf', () => {
  it('lowercases a UUID and refuses anything else', () => {
    expect(noteIdOf(OID.toUpperCase())).toBe(OID);
    expect(noteIdOf(undefined)).toBeUndefined();
    expect(noteIdOf(`${OID}x`)).toBeUndefined();
    expect(noteIdOf('not-a-uuid')).toBeUndefined();
  });
});
