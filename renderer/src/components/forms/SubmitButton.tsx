import { Button, Loader, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A form's Save button that stays focusable while saving: a disabled button would drop focus to
 * <body>, outside an open modal. It is aria-disabled instead, and the form ignores a second submit.
 */
export function SubmitButton({
  busy,
  children,
  ...props
}: ButtonProps & { busy: boolean; children: ReactNode }) {
  return (
    <Button
      type="submit"
      aria-disabled={busy || undefined}
      rightSection={busy ? <Loader size="xs" color="currentColor" aria-hidden /> : undefined}
      {...props}
    >
      {children}
    </Button>
  );
}
