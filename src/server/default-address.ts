/** @module Where the server listens by default and which addresses stay on this machine, on their own, so the command line can show it without loading the server. */

/** The port `sitrep serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 8080;
/** Only this machine can connect unless a wider address is asked for: the store may hold unpublished material. */
export const DEFAULT_HOST = '127.0.0.1';

/** True for an address only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(bare);
}
