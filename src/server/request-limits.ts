/**
 * @module Limits on each request, so no client can hold the server: the length of its address, the size of its
 * body and the time its answer may take. Each refusal is a JSON error saying which limit was passed.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from './http-error.ts';

/** The limits; each has a default fit for the dashboard and scripts. */
export interface RequestLimits {
  /** Longest path and query, in characters; default 8,192. */
  readonly maxUrlLength?: number;
  /** Largest request body, in bytes; default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Longest time an answer may take, in milliseconds; default 30,000. */
  readonly timeoutMs?: number;
}

export const DEFAULT_LIMITS: Required<RequestLimits> = { maxUrlLength: 8192, maxBodyBytes: 1 << 20, timeoutMs: 30_000 };

/** Middleware enforcing `limits`, in order: address, body, time. */
export function requestLimits(limits: RequestLimits = {}): MiddlewareHandler[] {
  const { maxUrlLength, maxBodyBytes, timeoutMs } = { ...DEFAULT_LIMITS, ...limits };
  const url: MiddlewareHandler = async (c, next) => {
    const length = c.req.url.length - new URL(c.req.url).origin.length;
    if (length > maxUrlLength) throw new HttpError(414, `the address is ${length} characters long; at most ${maxUrlLength} are allowed`);
    return next();
  };
  const body = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new HttpError(413, `the request body is over ${maxBodyBytes} bytes, the most this server takes`);
    },
  });
  const time: MiddlewareHandler = async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new HttpError(
              503,
              `the answer took over ${timeoutMs / 1000} s and was given up; narrow the request (a shorter period, a smaller limit)`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([next(), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return [url, body, time];
}
