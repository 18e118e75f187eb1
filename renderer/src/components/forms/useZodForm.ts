import { useForm, type UseFormReturnType } from '@mantine/form';
import { useCallback, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { RpcError, RpcResult } from '../../../../shared/result';
import { backendError, resolveIssues, type FieldLabels, labelOf } from './resolver';

export interface SummaryItem {
  /** The form field the error is about; none for a form-level error. */
  field?: string;
  message: string;
}

export interface ZodFormOptions<Values, S extends z.ZodType> {
  /** The shared schema of the RPC method (shared/schemas): the rules live there, once. */
  schema: S;
  initialValues: Values;
  /** The form's values as the schema's input (empty strings to null, lists split, …). */
  toInput: (values: Values) => z.input<S>;
  /** The visible label of each field, by path; errors without a labelled field are form-level. */
  labels: FieldLabels;
  /**
   * Runs after the schema, for rules that need the form's state (e.g. a required choice) or that
   * say a schema's rule in the form's own terms (a share typed in percent): its sentence for a
   * field wins over the schema's.
   */
  extraChecks?: (values: Values) => Record<string, string>;
}

export interface ZodForm<Values, S extends z.ZodType> {
  form: UseFormReturnType<Values>;
  /** The id of a field's input: the summary's links point there. */
  fieldId: (path: string) => string;
  /** An `onSubmit` for the <form>: validates everything, then runs `save` with the parsed input. */
  onSubmit: (
    save: (input: z.output<S>, values: Values) => Promise<RpcResult<unknown> | void>,
  ) => (e?: FormEvent) => void;
  /** Shows a backend error on its field (or at form level) and focuses the summary. */
  showError: (error: RpcError) => void;
  /** Starts over from `values` (a form that stays mounted while its modal is closed), no errors. */
  reset: (values: Values) => void;
  submitting: boolean;
  summary: { items: SummaryItem[]; attempt: number; fieldId: (path: string) => string };
}

/**
 * A form on `@mantine/form` validated by a shared zod schema: on submit every field's error shows
 * at once beside it and in the ErrorSummary, which takes focus; backend errors land on the same
 * fields.
 */
export function useZodForm<Values extends Record<string, unknown>, S extends z.ZodType>(
  options: ZodFormOptions<Values, S>,
): ZodForm<Values, S> {
  const { schema, toInput, labels, extraChecks } = options;
  const base = `form${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const fieldId = useCallback(
    (path: string) => `${base}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`,
    [base],
  );
  const form = useForm<Values>({
    name: base,
    mode: 'controlled',
    initialValues: options.initialValues,
    enhanceGetInputProps: ({ field }) => ({ id: fieldId(String(field)) }),
  });
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);

  const showError = useCallback(
    (error: RpcError) => {
      const { field, message } = backendError(labels, error);
      if (field) {
        form.setFieldError(field, message);
        setFormErrors([]);
      } else setFormErrors([message]);
      setAttempt((n) => n + 1);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form's setters are stable
    [labels],
  );

  const reset = useCallback(
    (values: Values) => {
      form.setInitialValues(values);
      form.setValues(values);
      form.clearErrors();
      setFormErrors([]);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form's setters are stable
    [],
  );

  const onSubmit: ZodForm<Values, S>['onSubmit'] = (save) => (e) => {
    e?.preventDefault();
    if (busy.current) return;
    const values = form.getValues();
    const resolved = resolveIssues(schema, toInput(values), labels);
    const extra = extraChecks?.(values) ?? {};
    const fields = { ...resolved.fields, ...extra };
    form.setErrors(fields);
    setFormErrors(resolved.form);
    if (Object.keys(fields).length > 0 || resolved.form.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    busy.current = true;
    setSubmitting(true);
    void save(resolved.data as z.output<S>, values)
      .then((result) => {
        if (result && !result.ok) showError(result.error);
      })
      .finally(() => {
        busy.current = false;
        setSubmitting(false);
      });
  };

  const items = useMemo<SummaryItem[]>(() => {
    const order = (path: string) => {
      const node = typeof document === 'undefined' ? null : document.getElementById(fieldId(path));
      return node;
    };
    const fieldItems = Object.entries(form.errors)
      .filter(([, m]) => m !== null && m !== undefined && m !== false && m !== '')
      .map(([field, m]) => ({ field, message: String(m) }));
    // Fields in the order they appear on the page.
    fieldItems.sort((a, b) => {
      const na = order(a.field);
      const nb = order(b.field);
      if (!na || !nb) return 0;
      return na.compareDocumentPosition(nb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return [...formErrors.map((message) => ({ message })), ...fieldItems];
  }, [form.errors, formErrors, fieldId]);

  return {
    form,
    fieldId,
    onSubmit,
    showError,
    reset,
    submitting,
    summary: { items, attempt, fieldId },
  };
}

export { labelOf };
