import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { DataPage } from './pages/data-page';
import { WelcomePage } from './pages/welcome-page';

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
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.goTo('Data and handover');
  const data = new DataPage(page);
  const pkg = data.forumPackage;
  const main = shell.main;
  await expect(data.heading).toBeVisible();

  const passphrase = 'lantern orchard tidal seventeen';
  await pkg.recipientPassphrase.fill(passphrase);
  await pkg.confirmPassphrase.fill(`${passphrase}x`);
  await pkg.exportButton.click();
  // Said beside the field and in the error summary: the summary's link is the one to find.
  await expect(main.getByRole('link', { name: /^The two passphrases do not match/ })).toBeVisible();
  await pkg.confirmPassphrase.fill(passphrase);
  await pkg.includeSafeguards.check();
  await expect(main.getByText('Safeguards travel with the package')).toBeVisible();
  await pkg.includeSafeguards.uncheck();
  const downloading = page.waitForEvent('download');
  await pkg.exportButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^bpf-gender-and-access-sample-forum-package-\d{4}-\d{2}-\d{2}\.intersession$/,
  );
  const path = (await download.path())!;
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 7).toString('latin1')).toBe('INTSPKG');
  expect(bytes.toString('latin1')).not.toContain('Ana Beatriz');

  // Wrong passphrase: a clear sentence, nothing shown or imported.
  await pkg.chooseFile(path);
  await pkg.passphrase.fill('not the passphrase');
  await pkg.showContentsButton.click();
  await expect(
    main.getByRole('link', { name: 'Wrong passphrase or damaged package: nothing was imported.' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(pkg.importButton).toHaveCount(0);

  // The right one: the preview, then the import.
  await pkg.passphrase.fill(passphrase);
  await pkg.showContentsButton.click();
  const contents = pkg.contents;
  await expect(contents).toContainText('BPF Gender and Access (sample) (2026)', {
    timeout: 30_000,
  });
  await expect(contents).toContainText('Safeguards not included');
  await expect(contents.getByRole('row', { name: 'Participants 60' })).toBeVisible();
  await expect(contents.getByRole('row', { name: 'Calls 20' })).toBeVisible();
  await pkg.importButton.click();
  await expect(page.getByText('Forum package imported')).toBeVisible({ timeout: 30_000 });
  await expect(
    shell.forumOption('BPF Gender and Access (sample) (imported copy) (2026)'),
  ).toHaveCount(1);

  // The retention setting is there, off by default.
  await expect(data.retention).not.toBeChecked();
});
