export { ErrorSummary } from './ErrorSummary';
export { SubmitButton } from './SubmitButton';
export { useZodForm, type SummaryItem, type ZodForm } from './useZodForm';
export { backendError, fieldOf, resolveIssues, type FieldLabels } from './resolver';
export { issueSentence, sentence } from './messages';
export {
  useFieldError,
  useFieldErrors,
  type FieldError,
  type FieldErrors,
  type FieldErrorsOptions,
  type FieldInputProps,
} from './useFieldErrors';
export { focusTarget } from './focus';
