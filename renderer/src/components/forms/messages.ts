import type { z } from 'zod';
import { wholeSentence } from '../../../../shared/domain/sentence';

/**
 * Turns a schema message into a whole sentence naming the field. The shared schemas say some
 * messages as fragments ("is required", "must be an e-mail address") so that one rule can serve
 * every field; here the field's visible label starts the sentence: "Email must be an e-mail
 * address." Messages that already are sentences (they start with a capital or a digit) are kept,
 * with a full stop added when missing.
 */
export function sentence(label: string, message: string): string {
  const text = message.trim().replace(/^[\w.]+: /, '');
  // A message that starts with a time or a number ("02:30 does not exist on …") is a sentence.
  if (/^\d/.test(text)) return /[.!?]$/.test(text) ? text : `${text}.`;
  return wholeSentence(label, text);
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isNaN(v));

/** A sentence for one zod issue: zod's own wording for empty values and ranges is replaced. */
export function issueSentence(label: string, issue: z.core.$ZodIssue, input: unknown): string {
  // An empty value that fails any rule (a pattern, a refinement) is a missing one.
  if (isEmpty(input) && issue.code !== 'too_big') return `${label} is required.`;
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
      if (isEmpty(input)) return `${label} is required.`;
      if (issue.code === 'invalid_value') return `${label} must be one of the listed options.`;
      if (issue.expected === 'number') return `${label} must be a number.`;
      break;
    case 'too_small':
      if (issue.origin === 'number')
        return `${label} must be ${String(issue.minimum)} or ${issue.inclusive ? 'more' : 'above'}.`;
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return `${label} is required.`;
      break;
    case 'too_big':
      if (issue.origin === 'number')
        return `${label} must be ${String(issue.maximum)} or ${issue.inclusive ? 'less' : 'below'}.`;
      break;
    default:
      break;
  }
  return sentence(label, issue.message);
}
