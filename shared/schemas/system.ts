import { z } from 'zod';

export const systemSchemas = {
  /** Every method's name and its input as JSON Schema: the contract documents itself. */
  'system.describe': z.strictObject({}),
  /** Where the data lives and which shell serves it. */
  'system.info': z.strictObject({}),
};
