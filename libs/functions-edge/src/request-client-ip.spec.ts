import { HttpRequest } from '@azure/functions';
import { requestClientIp } from './request-client-ip';

const from = (forwardedFor?: string) =>
  new HttpRequest({
    url: 'http://127.0.0.1/x',
    method: 'GET',
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });

describe('requestClientIp', () => {
  it('picks the address the trusted hops saw', () => {
    expect(requestClientIp(from('203.0.113.9, 10.0.0.2, 127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(requestClientIp(from('203.0.113.9, 10.0.0.2, 127.0.0.1'), 2)).toBe('203.0.113.9');
  });

  it('is undefined without X-Forwarded-For', () => {
    expect(requestClientIp(from(), 1)).toBeUndefined();
  });
});
