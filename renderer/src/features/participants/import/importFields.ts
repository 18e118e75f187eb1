import type { ImportField } from '../../../../../shared/schemas/participantImport';

/** A row's values as the user corrects them: only the fields edited so far. */
export type Values = Partial<Record<ImportField, string>>;

/** The steps of the import wizard. */
export type Step = 'choose' | 'map' | 'running' | 'done';

export const REQUIRED: ReadonlySet<ImportField> = new Set(['fullName', 'stakeholderGroup']);
