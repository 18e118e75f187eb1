import { z } from 'zod';
import type { AppApi, MethodOutput } from '../../shared/api';
import { DomainError, fail, ok, type RpcResult } from '../../shared/result';
import { methodSchemas, type MethodName, type ParsedInput } from '../../shared/schemas';

/** The backend's side of the contract: each method receives its validated input. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

const isMethod = (name: string): name is MethodName => Object.hasOwn(methodSchemas, name);

function validationError(error: z.ZodError): RpcResult<never> {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return fail(
      'validation',
      `${[field, key].filter(Boolean).join('.')}: is not a known field`,
      [field, key].filter(Boolean).join('.'),
    );
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) message = 'is required';
  return field
    ? fail('validation', `${field}: ${message}`, field)
    : fail('validation', `input: ${message}`, undefined);
}

function sqliteError(e: unknown): RpcResult<never> | undefined {
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') return fail('internal', 'The disk is full; nothing was changed.');
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return undefined;
  if (/email_key/.test(String((e as Error).message)))
    return fail('conflict', 'Another participant of this forum already uses this e-mail', 'email');
  return fail('conflict', 'This change conflicts with existing data');
}

/** Verbs of methods that only read (and the controls of a running import). */
const READ_VERBS = new Set([
  'burden',
  'check',
  'citables',
  'compare',
  'coverage',
  'current',
  'dashboard',
  'describe',
  'duplicates',
  'get',
  'getRound',
  'importCancel',
  'importPreview',
  'importStatus',
  'info',
  'list',
  'map',
  'preview',
  'printable',
  'search',
  'sources',
  'suggestTimes',
]);

export const isReadMethod = (method: string): boolean =>
  READ_VERBS.has(method.slice(method.indexOf('.') + 1));

/** Validates the input with the method's schema, runs the handler, and wraps the outcome. */
export function createDispatch(handlers: Handlers): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !isMethod(method))
      return fail('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    const parsed = methodSchemas[method].safeParse(input === undefined ? {} : input);
    if (!parsed.success) return validationError(parsed.error);
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (e) {
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
