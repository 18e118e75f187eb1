/**
 * One rule for turning a schema message into a whole sentence, used by the backend's validation
 * errors and by the forms. The shared schemas say some messages as fragments ("is required") so one
 * rule can serve every field; `subject` (the field in words) then starts the sentence. Messages that
 * already are sentences (they start with a capital or a quote) are kept; a full stop is added when
 * missing.
 */
export function wholeSentence(subject: string, message: string): string {
  const text = /^[A-Z“"]/.test(message) ? message : `${subject} ${message}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
