import { z } from 'zod';
import { AUDIENCES } from '../domain/vocabulary';

export const systemSchemas = {
  /** Every method's name and its input as JSON Schema: the contract documents itself. */
  'system.describe': z.strictObject({}),
  /** Where the data lives and which shell serves it. */
  'system.info': z.strictObject({}),
  /**
   * A narrower session on the same connection (coordinators -> participants or public), for
   * "Preview as public": the answer's token is sent as the Bearer token (or IPC session token).
   */
  'session.open': z.strictObject({ audience: z.enum(AUDIENCES) }),
};
