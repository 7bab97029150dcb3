/** @module One API endpoint as data: its path, parameters, answer and handler; routes and the OpenAPI description are both made from it. */
import type { Store } from '../store/store.ts';
import type { ErrorStatus } from './http-error.ts';
import type { ParamSchema, ParamValues } from './query-params.ts';

/** What a handler gets: the store and the request's parsed parameters. */
export interface EndpointRequest<S extends ParamSchema> {
  readonly store: Store;
  readonly query: ParamValues<S>;
  /** Path parameters by name, decoded. */
  readonly path: Readonly<Record<string, string>>;
}

/** A `GET` endpoint answering JSON. */
export interface Endpoint<S extends ParamSchema = ParamSchema> {
  /** OpenAPI-style path: `/api/documents/{id}`. */
  readonly path: string;
  /** Groups endpoints in the description: `documents`, `search`, `overview`. */
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly query: S;
  /** Path parameters and what each means. */
  readonly pathParams?: Readonly<Record<string, string>>;
  /** Name of the answer's schema under `components.schemas` in the OpenAPI description. */
  readonly response: string;
  /**
   * For an endpoint that answers a file (a download), not JSON: its media types. It answers a `FileAnswer`, and
   * `response` names no schema.
   */
  readonly produces?: readonly string[];
  /** Error statuses besides 400 (bad parameters, which every endpoint may answer) and 500. */
  readonly errors?: readonly ErrorStatus[];
  handle(request: EndpointRequest<S>): Promise<unknown>;
}

/** Declares an endpoint, keeping its parameter types for the handler. */
export function endpoint<const S extends ParamSchema>(definition: Endpoint<S>): Endpoint {
  return definition as unknown as Endpoint;
}

/** A file an endpoint answers with, saved by the browser under `filename`. */
export class FileAnswer {
  constructor(
    readonly body: string,
    readonly type: string,
    readonly filename: string,
  ) {}
}
