import { codePointLength } from './note-limits';

describe('codePointLength', () => {
  it('counts code points, so an emoji or an astral character counts once', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('🔑é𝒜')).toBe(3);
    expect(codePointLength('')).toBe(0);
  });
});
