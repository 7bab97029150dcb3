/** @module An error the API answers with: an HTTP status and a message for the caller, sent as JSON. */

/** The status codes the API answers errors with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 414 | 500 | 503;

/** The body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly status: ErrorStatus;
    /** What was wrong and, for a 400, how to fix the request. */
    readonly message: string;
  };
}

/** Thrown by a handler to answer with `status` and `message`; anything else thrown is a 500. */
export class HttpError extends Error {
  readonly status: ErrorStatus;

  constructor(status: ErrorStatus, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HttpError';
    this.status = status;
  }
}
