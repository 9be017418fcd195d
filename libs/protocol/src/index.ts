/**
 * @ropc/protocol: the Azure AD B2C resource owner password credentials protocol, typed once and
 * shared by the emulator, the sign-in proxy, the API and the web client. Platform-neutral: only
 * standard Web APIs (fetch, URL, TextDecoder, AbortSignal).
 */
export * from './token-request';
export * from './scope';
export * from './form-codec';
export * from './form-decode-error-code';
export * from './token-response';
export * from './token-set';
export * from './token-client';
export * from './b2c-error-classes';
export * from './b2c-error-codes';
export * from './error-response';
export * from './error-response-writer';
export * from './errors';
export * from './endpoints';
export * from './claims';
export * from './discovery';
export * from './profile-info';
export { decodeBase64UrlText, encodeBase64UrlText } from './base64url';
