import { useCallback, useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/result';
import { backendError, resolveIssues, type FieldLabels } from './resolver';
import type { SummaryItem } from './useZodForm';

/**
 * The same checks and summary as useZodForm, for a form that keeps its own state: `check(input)`
 * validates the schema's input before the call and says every error at once; `show` maps a
 * backend error onto its field. `errors[path]` goes beside each field; spread `summary` into
 * <ErrorSummary>.
 */
export function useSchemaErrors(schema: z.ZodType, labels: FieldLabels) {
  const base = `form${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const fieldId = useCallback(
    (path: string) => `${base}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`,
    [base],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  const clear = useCallback(() => {
    setErrors({});
    setFormErrors([]);
  }, []);

  /** True when `input` passes the schema; otherwise every error shows and the summary is focused. */
  const check = useCallback(
    (input: unknown, extra: Record<string, string> = {}): boolean => {
      const r = resolveIssues(schema, input, labels);
      const fields = { ...extra, ...r.fields };
      setErrors(fields);
      setFormErrors(r.form);
      const failed = Object.keys(fields).length > 0 || r.form.length > 0;
      if (failed) setAttempt((n) => n + 1);
      return !failed;
    },
    [schema, labels],
  );

  const show = useCallback(
    (error: RpcError) => {
      const { field, message } = backendError(labels, error);
      if (field) {
        setErrors({ [field]: message });
        setFormErrors([]);
      } else {
        setErrors({});
        setFormErrors([message]);
      }
      setAttempt((n) => n + 1);
    },
    [labels],
  );

  const clearField = useCallback(
    (path: string) =>
      setErrors((e) => {
        if (!(path in e)) return e;
        const { [path]: _gone, ...rest } = e;
        return rest;
      }),
    [],
  );

  const items = useMemo<SummaryItem[]>(
    () => [
      ...formErrors.map((message) => ({ message })),
      ...Object.entries(errors).map(([field, message]) => ({ field, message })),
    ],
    [errors, formErrors],
  );

  return {
    errors,
    check,
    show,
    clear,
    clearField,
    fieldId,
    summary: { items, attempt, fieldId, labels },
  };
}
