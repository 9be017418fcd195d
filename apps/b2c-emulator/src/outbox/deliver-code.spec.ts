import { deliverCode } from './deliver-code';
import { MemoryOutboxStore } from './memory-outbox-store';
import type { OutboxDelivery } from './outbox-store';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const MESSAGE: OutboxDelivery = {
  to: 'carol@contoso.com',
  code: '40921357',
  purpose: 'sign-in',
  sentAt: T0,
};

describe('deliverCode', () => {
  it('files the code in the outbox and logs nothing while codes are not logged', async () => {
    const outbox = new MemoryOutboxStore(() => T0);
    const log = jest.fn<undefined, [string]>();
    await deliverCode({ outbox, logCodes: false, log }, MESSAGE);
    expect(await outbox.list('carol@contoso.com')).toEqual([MESSAGE]);
    expect(log).not.toHaveBeenCalled();
  });

  it('also logs one line with the code, the address and the purpose when codes are logged', async () => {
    const outbox = new MemoryOutboxStore(() => T0);
    const log = jest.fn<undefined, [string]>();
    await deliverCode({ outbox, logCodes: true, log }, { ...MESSAGE, purpose: 'password-reset' });
    expect(log.mock.calls).toEqual([
      ['one-time code 40921357 for carol@contoso.com (password-reset)'],
    ]);
    expect(await outbox.list('carol@contoso.com')).toHaveLength(1);
  });

  it('logs nothing when the outbox refuses the message', async () => {
    const outbox = new MemoryOutboxStore(() => T0);
    const log = jest.fn<undefined, [string]>();
    await expect(
      deliverCode({ outbox, logCodes: true, log }, { ...MESSAGE, to: 'x'.repeat(321) }),
    ).rejects.toThrow(TypeError);
    expect(log).not.toHaveBeenCalled();
  });
});
