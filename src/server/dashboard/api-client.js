/** @module Reads the sitrep API: JSON in, an Error carrying the server's message out when a request fails. */

/** GETs `/api/<path>` with `query` (empty values left out) and resolves to the parsed JSON. */
export async function getJson(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
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
