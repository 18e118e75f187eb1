import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { RpcError, RpcResult } from '../../../shared/result';

/** Errors of a form, keyed by the field the backend named. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);
  const show = useCallback((error: RpcError) => {
    if (error.field) {
      const message = error.message.replace(new RegExp(`^${escape(error.field)}: `), '');
      setErrors({ [error.field]: message });
      setFormError(null);
    } else {
      setErrors({});
      setFormError(error.message);
    }
  }, []);
  return { errors, formError, clear, show };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Unwraps a result, showing a notification when it failed. */
export function unwrapOrNotify<T>(result: RpcResult<T>, title = 'That did not work'): T | null {
  if (result.ok) return result.value;
  notifications.show({ color: 'red', title, message: result.error.message });
  return null;
}
