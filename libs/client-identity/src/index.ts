/**
 * @ropc/client-identity: who is asking — the client IP behind trusted proxies and the normalised
 * username — as the sign-in proxy and the emulator both decide it. Platform-neutral.
 */
export { clientIpFromForwardedFor, normaliseIpAddress } from './client-ip';
export { normaliseUsername } from './normalise-username';
