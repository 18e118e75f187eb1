import type { Dispatch, SetStateAction } from 'react';
import type { ImportField } from '../../../../../shared/schemas/participantImport';

/** A row's values as the user corrects them: only the fields edited so far. */
export type Values = Partial<Record<ImportField, string>>;

/** The steps of the import wizard. */
export type Step = 'choose' | 'map' | 'running' | 'done';

/** What the wizard's hooks may change of the dialog itself: its step and its error. */
export type DialogSetters = {
  setStep: Dispatch<SetStateAction<Step>>;
  setError: Dispatch<SetStateAction<string | null>>;
};

export const REQUIRED: ReadonlySet<ImportField> = new Set(['fullName', 'stakeholderGroup']);
