import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';

/**
 * A coordinator exports the sample forum's package for next year's team, imports it back (the
 * same database: a copy appears), and a wrong passphrase is refused without writing anything.
 */
test('export the forum package, import it, and refuse a wrong passphrase', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000); // scrypt (N = 2^17) runs three times on a shared CPU
  await app.open(page);
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Data and handover' })
    .click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Data and handover' })).toBeVisible();

  const passphrase = 'lantern orchard tidal seventeen';
  await main.getByLabel('Passphrase for the recipient').fill(passphrase);
  await main.getByLabel('Confirm passphrase').fill(`${passphrase}x`);
  await main.getByRole('button', { name: 'Export forum package' }).click();
  // Said beside the field and in the error summary: the summary's link is the one to find.
  await expect(main.getByRole('link', { name: /^The two passphrases do not match/ })).toBeVisible();
  await main.getByLabel('Confirm passphrase').fill(passphrase);
  await main.getByLabel('Include incidents and disruptive actors').check();
  await expect(main.getByText('Safeguards travel with the package')).toBeVisible();
  await main.getByLabel('Include incidents and disruptive actors').uncheck();
  const downloading = page.waitForEvent('download');
  await main.getByRole('button', { name: 'Export forum package' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^bpf-gender-and-access-sample-forum-package-\d{4}-\d{2}-\d{2}\.intersession$/,
  );
  const path = (await download.path())!;
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 7).toString('latin1')).toBe('INTSPKG');
  expect(bytes.toString('latin1')).not.toContain('Ana Beatriz');

  // Wrong passphrase: a clear sentence, nothing shown or imported.
  const chooser = page.waitForEvent('filechooser');
  await main.getByLabel('Package file').click();
  await (await chooser).setFiles(path);
  await main.getByLabel('Package passphrase').fill('not the passphrase');
  await main.getByRole('button', { name: 'Show what it contains' }).click();
  await expect(
    main.getByRole('link', { name: 'Wrong passphrase or damaged package: nothing was imported.' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(main.getByRole('button', { name: 'Import forum package' })).toHaveCount(0);

  // The right one: the preview, then the import.
  await main.getByLabel('Package passphrase').fill(passphrase);
  await main.getByRole('button', { name: 'Show what it contains' }).click();
  const contents = main.getByLabel('Package contents');
  await expect(contents).toContainText('BPF Gender and Access (sample) (2026)', {
    timeout: 30_000,
  });
  await expect(contents).toContainText('Safeguards not included');
  await expect(contents.getByRole('row', { name: 'Participants 60' })).toBeVisible();
  await expect(contents.getByRole('row', { name: 'Calls 20' })).toBeVisible();
  await main.getByRole('button', { name: 'Import forum package' }).click();
  await expect(page.getByText('Forum package imported')).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByLabel('Forum').getByRole('option', {
      name: 'BPF Gender and Access (sample) (imported copy) (2026)',
    }),
  ).toHaveCount(1);

  // The retention setting is there, off by default.
  await expect(
    main.getByLabel('Delete personal data N months after the final report'),
  ).not.toBeChecked();
});
