import { z } from 'zod';
import type { MethodDescription } from '../../../shared/api';
import { methodSchemas } from '../../../shared/schemas';
import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { APP_VERSION } from '../version';

/** Every method with its input as JSON Schema (what a caller may send). */
export function describeContract(): MethodDescription[] {
  return Object.entries(methodSchemas)
    .map(([name, schema]) => ({
      name,
      input: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function createSystemHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'system.describe' | 'system.info'> {
  return {
    'system.describe': () => describeContract(),
    'system.info': () => ({ version: APP_VERSION, shell: ctx.shell, dbFile: ctx.dbFile }),
  };
}
