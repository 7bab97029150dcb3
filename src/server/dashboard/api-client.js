/** @module Reads the sitrep API: JSON in, an Error carrying the server's message out when a request fails. */
import { pictureDate } from './dom.js';

/**
 * GETs `/api/<path>` with `query` (empty values left out) and resolves to the parsed JSON. The date the address
 * shows the picture as of (`asOf`, `asOfBy`) goes with every request, so every view answers from the same past day;
 * `{present: true}` asks about the store as it is now (the poll for new reports, the alerts).
 */
export async function getJson(path, query = {}, { present = false } = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...(present ? {} : pictureDate()), ...query }))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  const response = await fetch(`/api/${path}${search ? `?${search}` : ''}`, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body?.error?.message ?? `${response.status} ${response.statusText}`;
    throw new Error(`The server answered ${response.status}: ${message}`);
  }
  return body;
}
