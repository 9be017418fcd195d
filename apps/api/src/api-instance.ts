import { createTokenValidator, type TokenValidator } from '@ropc/token-validation';
import { loadConfig, type ApiConfig } from './config';
import { MemoryNoteStore } from './notes/memory-note-store';
import type { NoteStore } from './notes/note-store';
import { SignInProxy } from './proxy/sign-in-proxy';

/** Everything the API's functions share: configuration, token validation, state. */
export interface Api {
  readonly config: ApiConfig;
  readonly validator: TokenValidator;
  readonly notes: NoteStore;
  readonly proxy: SignInProxy;
}

let instance: Api | undefined;

function createApi(): Api {
  const config = loadConfig();
  const validator = createTokenValidator({
    authorities: [config.authority],
    audience: config.audiences,
  });
  return { config, validator, notes: new MemoryNoteStore(), proxy: new SignInProxy(config) };
}

/**
 * The process's API services, created on first use from the environment. A configuration error
 * is thrown on every call (listing every bad setting) rather than cached as a broken instance.
 */
export function getApi(): Api {
  instance ??= createApi();
  return instance;
}
