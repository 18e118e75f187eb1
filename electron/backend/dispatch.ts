import { z } from 'zod';
import type { AppApi, MethodOutput } from '../../shared/api';
import { DomainError, fail, ok, type RpcResult } from '../../shared/result';
import { methodDeclarations, sessionMayCall, type Session } from '../../shared/methods';
import { methodSchemas, type MethodName, type ParsedInput } from '../../shared/schemas';
import type { BackendEvent } from '../../shared/events';
import { wholeSentence } from '../../shared/domain/sentence';
import { changedEvent } from './changes';

/** The backend's side of the contract: each method receives its validated input. */
export type Handlers = {
  [M in MethodName]: (
    input: ParsedInput<M>,
    call: HandlerCall,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What a handler knows about the call besides its input. */
export interface HandlerCall {
  session: Session;
  /**
   * Aborted when the caller went away (HTTP connection closed, IPC cancel by request id). Long
   * work checks it at its yield points and stops before writing anything.
   */
  signal: AbortSignal;
}

/** Every request is answered for the session the shell fixed for its connection. */
export type Dispatch = (
  method: string,
  input: unknown,
  session: Session,
  signal?: AbortSignal,
) => Promise<RpcResult<unknown>>;

export interface DispatchOptions {
  /** Receives a ChangedEvent after every successful write (the live-update channel). */
  emit?(event: BackendEvent): void;
}

/** The answer for a call whose caller went away first. */
export const cancelled = (): RpcResult<never> =>
  fail('cancelled', 'The request was cancelled before it finished; nothing was changed.');

const NEVER_ABORTED = new AbortController().signal;

const isMethod = (name: string): name is MethodName => Object.hasOwn(methodSchemas, name);

function validationError(error: z.ZodError): RpcResult<never> {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return fail(
      'validation',
      `${[field, key].filter(Boolean).join('.')}: “${key}” is not a field of this method.`,
      [field, key].filter(Boolean).join('.'),
    );
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) message = 'is required';
  return field
    ? fail('validation', `${field}: ${wholeSentence(fieldWords(issue.path), message)}`, field)
    : fail('validation', `input: ${wholeSentence('The input', message)}`, undefined);
}

/** "fixes.0.values.fullName" -> "Full name": the last named key, in words. */
function fieldWords(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((k) => typeof k === 'string') ?? 'input';
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function sqliteError(e: unknown): RpcResult<never> | undefined {
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') return fail('internal', 'The disk is full; nothing was changed.');
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return undefined;
  if (/email_key/.test(String((e as Error).message)))
    return fail('conflict', 'Another participant of this forum already uses this e-mail', 'email');
  return fail('conflict', 'This change conflicts with existing data');
}

/** Whether the method only reads (declared in the contract; the import controls count as reads). */
export const isReadMethod = (method: string): boolean =>
  isMethod(method) && !methodDeclarations[method].writes;

/** The refusal for a session whose audience (or role) may not call a method. */
export function forbidden(session: Session): RpcResult<never> {
  return fail('forbidden', `This is not available to the ${AUDIENCE_NAMES[session.audience]}.`);
}

const AUDIENCE_NAMES: Record<Session['audience'], string> = {
  public: 'public audience',
  participants: 'participants audience',
  coordinators: 'coordinators audience',
};

/** Validates the input with the method's schema, runs the handler, and wraps the outcome. */
export function createDispatch(handlers: Handlers, opts: DispatchOptions = {}): Dispatch {
  return async (method, input, session, signal = NEVER_ABORTED) => {
    if (typeof method !== 'string' || !isMethod(method))
      return fail('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    // Before validation, so a narrower session learns nothing from a coordinators' method.
    if (!sessionMayCall(session, method)) return forbidden(session);
    const parsed = methodSchemas[method].safeParse(input === undefined ? {} : input);
    if (!parsed.success) return validationError(parsed.error);
    if (signal.aborted) return cancelled();
    try {
      const handler = handlers[method] as (input: unknown, call: HandlerCall) => unknown;
      const value = await handler(parsed.data, { session, signal });
      if (methodDeclarations[method].writes) opts.emit?.(changedEvent(method, parsed.data, value));
      return ok(value);
    } catch (e) {
      if (signal.aborted && !(e instanceof DomainError)) return cancelled();
      if (e instanceof DomainError) return fail(e.code, e.message, e.field);
      if (e instanceof z.ZodError) return validationError(e);
      const constraint = sqliteError(e);
      if (constraint) return constraint;
      console.error(`[intersession] ${method} failed:`, e);
      return fail('internal', 'Something went wrong on our side; nothing was changed.');
    }
  };
}

/** For typing `AppApi` implementations in tests. */
export type { AppApi };
