/**
 * @module The guard on every request that could change the store: any method but GET, HEAD and OPTIONS needs the
 * write token the server was started with (`Authorization: Bearer <token>`); a server started without one takes
 * no writes at all. Applied before routing, so every write endpoint added later is guarded without asking.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.ts';

/** Methods that only read: they never need the token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The shortest write token accepted: shorter ones can be guessed. */
export const MIN_TOKEN_LENGTH = 16;

/** Throws, saying how to fix it, when `token` is too short or has characters a header cannot carry. */
export function checkWriteToken(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token))
    throw new Error(
      `The write token must be at least ${MIN_TOKEN_LENGTH} printable characters without spaces; ` +
        'make one with `openssl rand -hex 32` and give it in SITREP_API_TOKEN or a file named by --token-file.',
    );
}

/** The middleware: `token` null means writes are refused whoever asks. */
export function requireWriteToken(token: string | null): MiddlewareHandler {
  if (token !== null) checkWriteToken(token);
  const expected = token === null ? null : digest(token);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (expected === null)
      throw new HttpError(
        403,
        `${c.req.method} changes the store, and this server takes no writes: start it with a write token (SITREP_API_TOKEN or --token-file)`,
      );
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    // Compared as digests of equal length, in constant time: the answer's timing tells nothing about the token.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="sitrep"');
      throw new HttpError(401, `${c.req.method} changes the store and needs the write token: send "Authorization: Bearer <token>"`);
    }
    return next();
  };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
