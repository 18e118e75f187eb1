import type { z } from 'zod';
import { backupsSchemas } from './backups';
import { contributionsSchemas } from './contributions';
import { callsSchemas } from './calls';
import { forumsSchemas } from './forums';
import { forumPackageSchemas } from './forumPackage';
import { nrisSchemas } from './nris';
import { participantImportSchemas } from './participantImport';
import { participantsSchemas } from './participants';
import { representationSchemas } from './representation';
import { reportSchemas } from './report';
import { safeguardsSchemas } from './safeguards';
import { savedFiltersSchemas } from './savedFilters';
import { systemSchemas } from './system';

/** The input schema of every method of the contract; dispatch validates with these. */
export const methodSchemas = {
  ...systemSchemas,
  ...forumsSchemas,
  ...forumPackageSchemas,
  ...participantsSchemas,
  ...participantImportSchemas,
  ...safeguardsSchemas,
  ...callsSchemas,
  ...contributionsSchemas,
  ...nrisSchemas,
  ...representationSchemas,
  ...reportSchemas,
  ...backupsSchemas,
  ...savedFiltersSchemas,
};

export type MethodName = keyof typeof methodSchemas;
/** What a caller may send (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<(typeof methodSchemas)[M]>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<(typeof methodSchemas)[M]>;

/** The team server's account inputs (issue 14): not contract methods yet. */
export { teamSchemas, type TeamInput, type TeamMethod } from './team';
