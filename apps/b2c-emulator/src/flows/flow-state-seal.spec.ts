import { randomBytes } from 'node:crypto';
import { openFlowState, sealFlowState } from './flow-state-seal';

const token = (): string => randomBytes(32).toString('base64url');
const FLOW = JSON.stringify({ user: { kind: 'new', username: 'dana@contoso.com' } });

describe('sealing a flow under its continuation token', () => {
  it('opens with the token and the row it was sealed for, and shows nothing in clear', () => {
    const key = token();
    const sealed = sealFlowState(key, 'row-1', FLOW);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('dana');
    expect(openFlowState(key, 'row-1', sealed)).toBe(FLOW);
    expect(sealFlowState(key, 'row-1', FLOW)).not.toBe(sealed);
  });

  it('does not open with another token, in another row, or once changed', () => {
    const key = token();
    const sealed = sealFlowState(key, 'row-1', FLOW);
    expect(openFlowState(token(), 'row-1', sealed)).toBeUndefined();
    expect(openFlowState(key, 'row-2', sealed)).toBeUndefined();
    const [version, iv, data = '', tag] = sealed.split('.');
    const flipped = `${data.startsWith('A') ? 'B' : 'A'}${data.slice(1)}`;
    for (const broken of [
      [version, iv, flipped, tag].join('.'),
      [version, iv, data].join('.'),
      ['v2', iv, data, tag].join('.'),
      `${sealed}.extra`,
      '',
    ]) {
      expect(openFlowState(key, 'row-1', broken)).toBeUndefined();
    }
  });
});
