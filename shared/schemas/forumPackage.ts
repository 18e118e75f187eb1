import { z } from 'zod';
import { id, requiredLine } from './common';

/** The shortest passphrase a package may be sealed with (it travels to another team). */
export const MIN_PACKAGE_PASSPHRASE = 10;
/**
 * A package travels as base64 in one request; the HTTP bridge takes at most 64 MB, so an
 * oversized one is still answered by this schema (naming the field), not by the bridge.
 */
const MAX_PACKAGE_BASE64 = 48 * 1024 * 1024;
// eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const passphrase = z
  .string({ error: 'The passphrase is required.' })
  .min(1, 'The passphrase is required.')
  .max(1024, 'The passphrase must be at most 1024 characters long.')
  .refine((s) => !CONTROL.test(s), 'The passphrase must not contain control characters.');

const packageFile = z
  .string({ error: 'The package file is required.' })
  .min(1, 'The package file is required.')
  .max(MAX_PACKAGE_BASE64, 'The package file is too large (at most 36 MB).')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The package file must be sent as base64.');

export const forumPackageSchemas = {
  'forums.exportPackage': z
    .strictObject({
      forumId: id,
      passphrase: passphrase.refine(
        (s) => [...s].length >= MIN_PACKAGE_PASSPHRASE,
        `The passphrase must be at least ${MIN_PACKAGE_PASSPHRASE} characters long.`,
      ),
      passphraseConfirmation: z.string({ error: 'Type the passphrase again to confirm it.' }),
      /** Incidents and disruptive actors: coordinators-only records; off unless ticked. */
      includeSafeguards: z.boolean().default(false),
    })
    .superRefine((v, ctx) => {
      if (v.passphrase !== v.passphraseConfirmation)
        ctx.addIssue({
          code: 'custom',
          path: ['passphraseConfirmation'],
          message: 'The two passphrases do not match; type the same passphrase twice.',
        });
    }),
  'forums.previewPackage': z.strictObject({ file: packageFile, passphrase }),
  'forums.importPackage': z.strictObject({ file: packageFile, passphrase }),
  'forums.retention': z.strictObject({ forumId: id }),
  'forums.setRetention': z.strictObject({
    forumId: id,
    /** null turns retention off. */
    months: z
      .number({ error: 'The number of months must be a number.' })
      .int('The number of months must be a whole number.')
      .min(1, 'The number of months must be at least 1.')
      .max(240, 'The number of months must be at most 240 (20 years).')
      .nullable(),
  }),
  'forums.applyRetention': z.strictObject({
    forumId: id,
    /** The forum's title, typed by the coordinator to confirm. */
    confirmTitle: requiredLine(200),
  }),
};
