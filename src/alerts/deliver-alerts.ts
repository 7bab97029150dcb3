/**
 * @module Delivering alerts: standard output and files as JSON lines, webhooks as signed HTTP POSTs with retries.
 * The store is the outbox: an alert is marked delivered to a target only once the target has it, so a crash or a
 * webhook that is down means a later delivery, never a lost one (a receiver may see an alert twice after a crash,
 * and can tell by its `id`).
 */
import { createHmac } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Store } from '../store/store.ts';
import { assertReachable, guardedLookup } from '../watch/address-guard.ts';
import type { AlertTarget } from './alert-rules.ts';

/** The header carrying `sha256=` and the hex HMAC-SHA256 of the body under the webhook's secret. */
export const SIGNATURE_HEADER = 'X-Sitrep-Signature';

export interface DeliveryOptions {
  /** Standard output. */
  readonly out: (text: string) => void;
  /** Attempts per webhook delivery (default 4), waiting `retryBaseMs` doubled between them. */
  readonly attempts?: number;
  readonly retryBaseMs?: number;
  readonly timeoutMs?: number;
}

/** What a delivery round did: alerts delivered per target, and the targets that failed, with why. */
export interface DeliveryResult {
  readonly delivered: number;
  readonly failed: ReadonlyArray<{ readonly target: string; readonly reason: string }>;
}

/** Delivers every alert not yet delivered to each target, oldest first; a target that fails is tried next round. */
export async function deliverAlerts(store: Store, targets: readonly AlertTarget[], options: DeliveryOptions): Promise<DeliveryResult> {
  let delivered = 0;
  const failed: Array<{ target: string; reason: string }> = [];
  for (const target of targets) {
    for (const alert of await store.watch.undelivered(target.name)) {
      const line = JSON.stringify(alert.payload);
      try {
        if (target.kind === 'stdout') options.out(`${line}\n`);
        else if (target.kind === 'file') await appendFile(target.path, `${line}\n`);
        else await postWebhook(target, line, alert.id, options);
      } catch (error) {
        failed.push({ target: target.name, reason: (error as Error).message });
        break;
      }
      await store.transaction((tx) => tx.watch.markDelivered(alert.id, target.name, new Date().toISOString()));
      delivered++;
    }
  }
  return { delivered, failed };
}

/** The signature header's value for a body. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function postWebhook(
  target: Extract<AlertTarget, { kind: 'webhook' }>,
  body: string,
  id: string,
  options: DeliveryOptions,
): Promise<void> {
  const attempts = options.attempts ?? 4;
  let reason = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, (options.retryBaseMs ?? 1000) * 2 ** (attempt - 1)));
    try {
      const status = await post(target, body, id, options.timeoutMs ?? 10_000);
      if (status >= 200 && status < 300) return;
      reason = `answered ${status}`;
      // A 4xx other than 408 and 429 will not change by asking again.
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) break;
    } catch (error) {
      reason = (error as Error).message;
    }
  }
  throw new Error(`webhook ${target.url} ${reason}`);
}

function post(target: Extract<AlertTarget, { kind: 'webhook' }>, body: string, id: string, timeoutMs: number): Promise<number> {
  const url = new URL(target.url);
  assertReachable(url, target.allowPrivate);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'User-Agent': 'sitrep alerts',
    'X-Sitrep-Alert-Id': encodeURIComponent(id),
  };
  if (target.secret) headers[SIGNATURE_HEADER] = signBody(target.secret, body);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers,
      lookup: guardedLookup(target.allowPrivate),
      timeout: timeoutMs,
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.end(body);
  });
}
