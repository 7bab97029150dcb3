/**
 * @module Query parameters: declared once per endpoint (the OpenAPI description is made from the same
 * declarations), parsed strictly; anything unknown, repeated or malformed is a 400 saying what to send instead.
 */
import { isoDayProblem } from '../model/day-number.ts';
import { HttpError } from './http-error.ts';

/** One query parameter's type and meaning. */
export type ParamSpec =
  | { readonly type: 'string'; readonly description: string; readonly maxLength: number; readonly required?: true }
  | { readonly type: 'enum'; readonly description: string; readonly values: readonly string[] }
  | { readonly type: 'day'; readonly description: string }
  /** ISO 3166-1 alpha-2, in either case; answered upper-cased. */
  | { readonly type: 'country'; readonly description: string }
  | { readonly type: 'integer'; readonly description: string; readonly min: number; readonly max: number; readonly default?: number };

/** The parameters an endpoint takes, by name. */
export type ParamSchema = Readonly<Record<string, ParamSpec>>;

type ValueOf<P extends ParamSpec> = P extends { type: 'integer' } ? number : P extends { values: readonly (infer V)[] } ? V : string;
type IsAlwaysThere<P extends ParamSpec> = P extends { required: true } ? true : P extends { default: number } ? true : false;

/** Parsed parameters: those with a default or marked required are always there; the others only when given. */
export type ParamValues<S extends ParamSchema> = {
  -readonly [K in keyof S as IsAlwaysThere<S[K]> extends true ? K : never]: ValueOf<S[K]>;
} & {
  -readonly [K in keyof S as IsAlwaysThere<S[K]> extends true ? never : K]?: ValueOf<S[K]>;
};

/**
 * The members of a string union as a list for an `enum` parameter, checked when compiled: leaving a member out
 * is a type error, so a value the model gains is never refused by the API.
 */
export function everyValue<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L => list;
}

/**
 * Parses `params` against `schema`. An empty value counts as not given (forms send empty fields); a parameter
 * the schema does not name, or one given twice, is refused so that a typo never silently widens a query.
 */
export function parseQuery<S extends ParamSchema>(params: URLSearchParams, schema: S): ParamValues<S> {
  const values: Record<string, string | number> = {};
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    const spec = schema[name];
    if (!spec) {
      const known = Object.keys(schema);
      throw new HttpError(
        400,
        `unknown parameter "${clip(name)}"; ${known.length > 0 ? `this endpoint takes ${known.join(', ')}` : 'this endpoint takes none'}`,
      );
    }
    if (seen.has(name)) throw new HttpError(400, `parameter "${name}" is given more than once; give it once`);
    seen.add(name);
    if (raw === '') continue;
    values[name] = parseValue(name, raw, spec);
  }
  for (const [name, spec] of Object.entries(schema)) {
    if (values[name] !== undefined) continue;
    if (spec.type === 'integer' && spec.default !== undefined) values[name] = spec.default;
    else if (spec.type === 'string' && spec.required) throw new HttpError(400, `parameter "${name}" is required: ${spec.description}`);
  }
  return values as ParamValues<S>;
}

function parseValue(name: string, raw: string, spec: ParamSpec): string | number {
  switch (spec.type) {
    case 'string':
      if (raw.length > spec.maxLength)
        throw new HttpError(400, `parameter "${name}" is ${raw.length} characters long; at most ${spec.maxLength} are allowed`);
      return raw;
    case 'enum':
      if (!spec.values.includes(raw))
        throw new HttpError(400, `parameter "${name}" must be one of ${spec.values.join(', ')}, not "${clip(raw)}"`);
      return raw;
    case 'day': {
      const problem = isoDayProblem(raw);
      if (problem !== null)
        throw new HttpError(400, `parameter "${name}" must be a calendar day as YYYY-MM-DD, not "${clip(raw)}": it ${problem}`);
      return raw;
    }
    case 'country':
      if (!/^[A-Za-z]{2}$/.test(raw))
        throw new HttpError(400, `parameter "${name}" must be a two-letter country code (ISO 3166-1), not "${clip(raw)}"`);
      return raw.toUpperCase();
    case 'integer': {
      const n = /^-?\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < spec.min || n > spec.max)
        throw new HttpError(400, `parameter "${name}" must be a whole number from ${spec.min} to ${spec.max}, not "${clip(raw)}"`);
      return n;
    }
  }
}

/** Echoes a bad value back without echoing a whole page of it. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}
