import { useEffect, useRef, useState } from 'react';
import type { RpcError, RpcResult } from '../../../../shared/result';
import { unwrapOrNotify } from '../errors';
import { focusTarget } from './focus';
import { sentence } from './messages';
import { backendError, labelOf, type FieldLabels } from './resolver';

export interface FieldErrorsOptions {
  /**
   * The field an error lands on when it names none of the labelled fields: the input whose edit
   * made the write. Without one, such an error is no input's and shows as a notification.
   */
  fallback?: string;
  /** The title of that notification. */
  title?: string;
}

/** What an input spreads to say its error: Mantine then marks it invalid and described by it. */
export interface FieldInputProps {
  ref: (node: HTMLElement | null) => void;
  error: string | undefined;
  /** Editing the field takes its error away. */
  onChangeCapture: () => void;
}

export interface FieldErrors {
  /** The sentence beside a field, if it has one. */
  error: (field: string) => string | undefined;
  /** Props for a field's Mantine input (or checkbox/radio group): ref, error, clear on edit. */
  inputProps: (field: string) => FieldInputProps;
  /**
   * Unwraps a write's answer: its value, or null after saying the error beside its field (which
   * takes focus). An error no field owns (and no `fallback`) is a notification, as before.
   */
  run: <T>(result: RpcResult<T>, fallback?: string) => T | null;
  /** Says a backend error beside its field and focuses it; the field, or undefined if none owns it. */
  show: (error: RpcError, fallback?: string) => string | undefined;
  /** Takes a field's error away (every field's without one). */
  clear: (field?: string) => void;
}

/**
 * Errors of inline inputs whose edit writes at once (a row's select, a text with its own Save
 * button): the backend's refusal is said beside the input as a whole sentence naming it, the way
 * `useZodForm` says it (`backendError` over the same labels), and the input takes focus; no
 * notification. The error goes when the field is edited or the next write succeeds.
 */
export function useFieldErrors(labels: FieldLabels, options: FieldErrorsOptions = {}): FieldErrors {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusing, setFocusing] = useState<{ field: string; n: number } | null>(null);
  const nodes = useRef(new Map<string, HTMLElement>());
  const refs = useRef(new Map<string, (node: HTMLElement | null) => void>());

  useEffect(() => {
    if (!focusing) return;
    const node = nodes.current.get(focusing.field);
    if (node) focusTarget(node).focus();
  }, [focusing]);

  const refFor = (field: string) => {
    let ref = refs.current.get(field);
    if (!ref) {
      ref = (node) => {
        if (node) nodes.current.set(field, node);
        else nodes.current.delete(field);
      };
      refs.current.set(field, ref);
    }
    return ref;
  };

  const clear = (field?: string) =>
    setErrors((all) => {
      if (field === undefined) return Object.keys(all).length === 0 ? all : {};
      if (!Object.hasOwn(all, field)) return all;
      const rest = { ...all };
      delete rest[field];
      return rest;
    });

  const show = (error: RpcError, fallback = options.fallback): string | undefined => {
    const owned = backendError(labels, error);
    let { field, message } = owned;
    if (field === undefined && fallback !== undefined) {
      field = fallback;
      message = sentence(labelOf(labels, fallback) ?? 'The field', error.message);
    }
    if (field === undefined) return undefined;
    const at = field;
    // The latest answer is what the user needs to act on: it replaces earlier ones.
    setErrors({ [at]: message });
    setFocusing((f) => ({ field: at, n: (f?.n ?? 0) + 1 }));
    return at;
  };

  const run = <T>(result: RpcResult<T>, fallback?: string): T | null => {
    if (result.ok) {
      clear();
      return result.value;
    }
    if (show(result.error, fallback ?? options.fallback) === undefined)
      unwrapOrNotify(result, options.title);
    return null;
  };

  return {
    error: (field) => errors[field],
    inputProps: (field) => ({
      ref: refFor(field),
      error: errors[field],
      onChangeCapture: () => clear(field),
    }),
    run,
    show,
    clear,
  };
}

const FIELD = 'value';

export interface FieldError {
  error: string | undefined;
  /** Spread on the input: `<TextInput label="Minutes" {...minutes.inputProps} />`. */
  inputProps: FieldInputProps;
  /** The write's value, or null after saying its error (any error: it is this input's) beside it. */
  run: <T>(result: RpcResult<T>) => T | null;
  clear: () => void;
}

/**
 * `useFieldErrors` for one input, whose write is its alone: every refusal of it is said beside it,
 * starting with its visible `label` when the backend's message is a fragment ("is required").
 */
export function useFieldError(label: string): FieldError {
  const fe = useFieldErrors({ [FIELD]: label }, { fallback: FIELD });
  return {
    error: fe.error(FIELD),
    inputProps: fe.inputProps(FIELD),
    run: (result) => fe.run(result),
    clear: () => fe.clear(FIELD),
  };
}
