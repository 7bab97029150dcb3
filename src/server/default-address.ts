/** @module Where the server listens by default, on its own, so the command line can show it without loading the server. */

/** The port `sitrep serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 8080;
/** Only this machine can connect unless a wider address is asked for: the store may hold unpublished material. */
export const DEFAULT_HOST = '127.0.0.1';
