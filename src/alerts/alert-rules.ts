/**
 * @module Alert rules and delivery targets, as the sources file's `alerts` section gives them; every problem names
 * the file, the rule or target and the field.
 */
import { EVENT_TYPES, type EventType } from '../model/event.ts';
import { SourcesFileError, type SourcesConfig } from '../watch/sources-file.ts';

/** What changed: the kinds of alert a rule can fire on. */
export const ALERT_KINDS = ['new-incident', 'corroborated', 'conflicting', 'count-updated', 'escalation'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** One rule: a kind of change, narrowed by filters (all that are given must hold). */
export interface AlertRule {
  readonly id: string;
  readonly on: AlertKind;
  /** Incident types (PLOVER), for `new-incident` and `escalation`. */
  readonly types: readonly EventType[];
  /** Part of a place name, any case. */
  readonly place: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
  /** `new-incident`: killed and injured (best estimates) at least this; facts: a value at least this. */
  readonly casualties: number | null;
  /** Fact categories (`killed`, `injured`, ...), for the fact kinds. */
  readonly categories: readonly string[];
}

/** Where alerts go. Server-sent events need no target: `sitrep serve` streams every alert the store holds. */
export type AlertTarget =
  | { readonly kind: 'stdout'; readonly name: 'stdout' }
  | { readonly kind: 'file'; readonly name: string; readonly path: string }
  | {
      readonly kind: 'webhook';
      readonly name: string;
      readonly url: string;
      /** The HMAC-SHA256 key for the signature header; null sends no signature. */
      readonly secret: string | null;
      readonly allowPrivate: boolean;
    };

const RULE_FIELDS = new Set(['id', 'on', 'type', 'place', 'country', 'casualties', 'category']);

/** The rules of a sources file, checked. */
export function alertRules(config: SourcesConfig): AlertRule[] {
  const ids = new Set<string>();
  return config.alerts.rules.map((raw, index) => {
    const field = (name: string) => ({ field: `alerts.rules[${index}].${name}` });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new SourcesFileError(config.file, 'must be a mapping with "id" and "on"', { field: `alerts.rules[${index}]` });
    const rule = raw as Record<string, unknown>;
    for (const key of Object.keys(rule))
      if (!RULE_FIELDS.has(key))
        throw new SourcesFileError(config.file, `is not a known field (known: ${[...RULE_FIELDS].join(', ')})`, field(key));
    const id = typeof rule.id === 'string' && /^[\w.-]{1,64}$/.test(rule.id) ? rule.id : null;
    if (id === null) throw new SourcesFileError(config.file, 'needs an id of letters, digits, "-", "_" or "."', field('id'));
    if (ids.has(id)) throw new SourcesFileError(config.file, `"${id}" names a rule already listed`, field('id'));
    ids.add(id);
    if (typeof rule.on !== 'string' || !(ALERT_KINDS as readonly string[]).includes(rule.on))
      throw new SourcesFileError(config.file, `must be one of ${ALERT_KINDS.join(', ')}`, field('on'));
    const types = list(rule.type, config.file, field('type').field);
    for (const type of types)
      if (!(EVENT_TYPES as readonly string[]).includes(type))
        throw new SourcesFileError(config.file, `"${type}" is not an incident type (${EVENT_TYPES.join(', ')})`, field('type'));
    const country = rule.country === undefined ? null : String(rule.country).toUpperCase();
    if (country !== null && !/^[A-Z]{2}$/.test(country))
      throw new SourcesFileError(config.file, 'must be a two-letter country code', field('country'));
    if (rule.casualties !== undefined && (typeof rule.casualties !== 'number' || !Number.isInteger(rule.casualties) || rule.casualties < 0))
      throw new SourcesFileError(config.file, 'must be a whole number of 0 or more', field('casualties'));
    if (rule.place !== undefined && typeof rule.place !== 'string') throw new SourcesFileError(config.file, 'must be text', field('place'));
    return {
      id,
      on: rule.on as AlertKind,
      types: types as EventType[],
      place: (rule.place as string | undefined)?.trim().toLowerCase() || null,
      country,
      casualties: (rule.casualties as number | undefined) ?? null,
      categories: list(rule.category, config.file, field('category').field),
    };
  });
}

/** The delivery targets of a sources file; none given delivers to standard output. */
export function alertTargets(config: SourcesConfig): AlertTarget[] {
  if (config.alerts.deliver.length === 0) return [{ kind: 'stdout', name: 'stdout' }];
  return config.alerts.deliver.map((raw, index): AlertTarget => {
    const where = (name: string) => ({ field: `alerts.deliver[${index}]${name ? `.${name}` : ''}` });
    if (raw === 'stdout') return { kind: 'stdout', name: 'stdout' };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new SourcesFileError(config.file, 'must be "stdout", {file: PATH} or {webhook: URL, secret: ...}', where(''));
    const target = raw as Record<string, unknown>;
    if (typeof target.file === 'string' && target.file.trim()) return { kind: 'file', name: `file:${target.file}`, path: target.file };
    if (typeof target.webhook === 'string') {
      let url: URL;
      try {
        url = new URL(target.webhook);
      } catch {
        throw new SourcesFileError(config.file, `"${target.webhook}" is not an absolute address`, where('webhook'));
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new SourcesFileError(config.file, 'must be an http or https address', where('webhook'));
      return {
        kind: 'webhook',
        name: `webhook:${url.toString()}`,
        url: url.toString(),
        secret: readSecret(target.secret, config.file, where('secret').field),
        allowPrivate: target.allowPrivate === true,
      };
    }
    throw new SourcesFileError(config.file, 'must be "stdout", {file: PATH} or {webhook: URL, secret: ...}', where(''));
  });
}

/** A secret as written, or `env:NAME` to read it from the environment (so the file holds no secret). */
function readSecret(value: unknown, file: string, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !value) throw new SourcesFileError(file, 'must be text, or env:NAME', { field });
  if (!value.startsWith('env:')) return value;
  const name = value.slice(4);
  const secret = process.env[name];
  if (!secret) throw new SourcesFileError(file, `names the environment variable ${name}, which is not set`, { field });
  return secret;
}

function list(value: unknown, file: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string')) throw new SourcesFileError(file, 'must be text or a list of text', { field });
  return values as string[];
}
