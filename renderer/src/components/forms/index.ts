export { ErrorSummary } from './ErrorSummary';
export { SubmitButton } from './SubmitButton';
export { useZodForm, type SummaryItem, type ZodForm } from './useZodForm';
export { backendError, fieldOf, resolveIssues, type FieldLabels } from './resolver';
export { issueSentence, sentence } from './messages';
