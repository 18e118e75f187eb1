import { notifications } from '@mantine/notifications';
import type { RpcResult } from '../../../shared/result';

/** Unwraps a result, showing a notification when it failed. */
export function unwrapOrNotify<T>(result: RpcResult<T>, title = 'That did not work'): T | null {
  if (result.ok) return result.value;
  notifications.show({ color: 'red', title, message: result.error.message });
  return null;
}
