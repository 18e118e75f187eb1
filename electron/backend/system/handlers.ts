import { z } from 'zod';
import type { MethodDescription } from '../../../shared/api';
import { methodDeclarations } from '../../../shared/methods';
import { methodSchemas, type MethodName } from '../../../shared/schemas';
import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { APP_VERSION } from '../version';

/** Every method with its input as JSON Schema (what a caller may send). */
export function describeContract(): MethodDescription[] {
  return Object.entries(methodSchemas)
    .map(([name, schema]) => ({
      name,
      input: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
      writes: methodDeclarations[name as MethodName].writes,
      audiences: [...methodDeclarations[name as MethodName].audiences],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function createSystemHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'system.describe' | 'system.info'> {
  return {
    'system.describe': () => describeContract(),
    // Where the file lives names the user's folders: coordinators only.
    'system.info': (_input, { session }) => ({
      version: APP_VERSION,
      shell: ctx.shell,
      dbFile: session.audience === 'coordinators' ? ctx.dbFile : '',
    }),
  };
}
