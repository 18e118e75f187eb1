/** The envelope every RPC answer travels in (Electron's invoke drops error properties). */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'unauthorized'
  /** The session's audience (or role) may not call this method. */
  | 'forbidden'
  | 'flagged'
  /** The caller went away (closed the connection or cancelled) before the answer was ready. */
  | 'cancelled'
  | 'internal';

export interface RpcError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the input field the error is about, when there is one. */
  field?: string;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const ok = <T>(value: T): RpcResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): RpcResult<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Thrown by services for expected failures; dispatch turns it into `{ok:false}`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
