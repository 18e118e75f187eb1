import type { z } from 'zod';
import { issueSentence, sentence } from './messages';

/** The visible label of a form field, by its dotted path ("milestones.0.date"). */
export type FieldLabels = Record<string, string> | ((path: string) => string | undefined);

export const labelOf = (labels: FieldLabels, path: string): string | undefined =>
  typeof labels === 'function'
    ? labels(path)
    : Object.hasOwn(labels, path)
      ? labels[path]
      : undefined;

/**
 * The form field an error path belongs to: the longest prefix of it that has a label, so
 * "languages.0" lands on "languages". Undefined when no field has it (a form-level error).
 */
export function fieldOf(labels: FieldLabels, path: string): string | undefined {
  const parts = path.split('.').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const p = parts.slice(0, n).join('.');
    if (labelOf(labels, p) !== undefined) return p;
  }
  return undefined;
}

const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    input,
  );

export interface Resolved {
  /** One whole sentence per form field, first issue wins. */
  fields: Record<string, string>;
  /** Issues no field owns (cross-field rules without a path). */
  form: string[];
}

/** Validates `input` with a shared zod schema and says every problem at once, field by field. */
export function resolveIssues(
  schema: z.ZodType,
  input: unknown,
  labels: FieldLabels,
): Resolved & { data?: unknown } {
  const result = schema.safeParse(input);
  if (result.success) return { fields: {}, form: [], data: result.data };
  const fields: Record<string, string> = {};
  const form: string[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldOf(labels, path);
    if (field === undefined) {
      form.push(sentence('The form', issue.message));
      continue;
    }
    if (fields[field]) continue;
    fields[field] = issueSentence(labelOf(labels, field)!, issue, valueAt(input, issue.path));
  }
  return { fields, form };
}

/** A backend error ({code, message, field}) as a sentence on one of the form's fields. */
export function backendError(
  labels: FieldLabels,
  error: { message: string; field?: string },
): { field?: string; message: string } {
  const field = error.field ? fieldOf(labels, error.field) : undefined;
  if (field === undefined) return { message: sentence('The form', error.message) };
  return { field, message: sentence(labelOf(labels, field)!, error.message) };
}
