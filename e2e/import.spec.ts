import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppShell } from './pages/app-shell';
import { ImportDialog } from './pages/import-dialog';
import { ParticipantsPage } from './pages/participants-page';
import { WelcomePage } from './pages/welcome-page';
import { expect, test, type AppServer } from './fixtures/app';
import type { Page } from '@playwright/test';

const REGISTRATIONS = fileURLToPath(new URL('./fixtures/registrations.csv', import.meta.url));

async function participantsOfNewForum(page: Page, app: AppServer): Promise<ParticipantsPage> {
  await app.open(page);
  await new WelcomePage(page).forumForm.create({ title: 'BPF Local Content', year: 2026 });
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText('BPF Local Content');
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.expectCount(0);
  return participants;
}

test('a registration export is imported; the invalid row is reported with its line number', async ({
  page,
  app,
}) => {
  const participants = await participantsOfNewForum(page, app);
  await participants.importButton.click();
  const wizard = new ImportDialog(page);
  await expect(wizard.dialog).toBeVisible();
  await wizard.chooseFile(REGISTRATIONS);

  // Columns are matched from the file's header names.
  await expect(wizard.column('Full name').locator('option:checked')).toHaveText('Name');
  await expect(wizard.column('Email').locator('option:checked')).toHaveText('E-mail');
  await expect(wizard.column('Organisation').locator('option:checked')).toHaveText('Organization');
  await expect(wizard.column('Stakeholder group').locator('option:checked')).toHaveText('Sector');
  await expect(wizard.column('Country').locator('option:checked')).toHaveText(
    'Country of residence',
  );
  await expect(wizard.summary).toContainText('10 rows: 9 to add, 0 to merge, 0 to skip, 1 invalid');
  await expect(wizard.preview.getByRole('row', { name: /Amara Okafor/ })).toContainText('Nigeria');

  // The bad e-mail on line 5 of the file is named with its line and field.
  await expect(wizard.invalidRows).toHaveText('Invalid rows (1)');
  const line5 = wizard.invalidLine(5);
  await expect(line5).toContainText('Line 5: Email: must be an e-mail address');
  await expect(line5.getByRole('checkbox', { name: 'Skip line 5' })).toBeChecked();
  await page.screenshot({ path: 'test-results/screenshots/import-preview.png', fullPage: true });

  await wizard.importButton(9).click();
  await expect(wizard.finished).toContainText('Added 9, merged 0, skipped 1.');
  await wizard.doneButton.click();
  await expect(wizard.dialog).toBeHidden();

  await participants.expectCount(9);
  await participants.searchFor('okafor');
  await participants.expectCount(1);
  await expect(participants.row('Amara Okafor')).toContainText('Lagos Digital Rights Hub');
  await participants.searchFor('Nairobi Example');
  await expect(participants.row('Grace Mwangi')).toBeVisible();
  await participants.searchFor('elodie');
  await expect(participants.row('Élodie Martin')).toBeVisible();
  // The invalid row was not imported.
  await participants.searchFor('Dana Levi');
  await expect(participants.noMatch).toBeVisible();
});

test('a fixed row is imported too, and a second import of the same file skips the duplicates', async ({
  page,
  app,
}) => {
  const participants = await participantsOfNewForum(page, app);
  await participants.importButton.click();
  const wizard = new ImportDialog(page);
  await wizard.chooseFile(REGISTRATIONS);
  const line5 = wizard.invalidLine(5);
  await line5.getByRole('checkbox', { name: 'Skip line 5' }).uncheck();
  const email = line5.getByRole('textbox', { name: 'Email (line 5)' });
  await expect(email).toHaveValue('dana.levi.example.org');
  await email.fill('dana.levi@example.org');
  await line5.getByRole('button', { name: 'Check line 5 again' }).click();
  await expect(wizard.summary).toContainText('10 rows: 10 to add');
  await expect(
    wizard.dialog.getByText('Line 5 will be imported with your corrections.'),
  ).toBeVisible();
  await wizard.importButton(10).click();
  await expect(wizard.finished).toContainText('Added 10, merged 0, skipped 0.');
  await wizard.doneButton.click();
  await participants.expectCount(10);
  await participants.searchFor('dana');
  await expect(participants.row('Dana Levi')).toContainText('dana.levi@example.org');

  // The same file again: every e-mail is already in the forum.
  await participants.searchFor('');
  await participants.importButton.click();
  await wizard.chooseFile(REGISTRATIONS);
  await expect(wizard.summary).toContainText('10 rows: 0 to add, 0 to merge, 9 to skip, 1 invalid');
  await expect(wizard.importButton()).toBeDisabled();
});

test('a large import shows its progress and Cancel writes nothing', async ({
  page,
  app,
}, testInfo) => {
  // Each row also updates the representation counters (SQL triggers, migration 0009), so the whole
  // walk needs more than the default minute.
  test.setTimeout(240_000);
  const csv = (rows: number, name: string) => {
    const file = testInfo.outputPath(name);
    const lines = ['Full name,Email,Organisation,Stakeholder group,Country'];
    for (let i = 1; i <= rows; i++)
      lines.push(`Person ${i},person${i}@example.org,Organisation ${i % 97},Academia,Kenya`);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  // The cancelled run is large, so checking and preparing its rows (the part Cancel can stop)
  // lasts seconds on any machine; the final save of one transaction cannot be cancelled.
  const large = csv(100_000, 'cancelled-registrations.csv');
  const rows = 20_000;
  const file = csv(rows, 'large-registrations.csv');

  const participants = await participantsOfNewForum(page, app);
  await participants.importButton.click();
  const wizard = new ImportDialog(page);
  await wizard.chooseFile(large);
  await expect(wizard.summary).toContainText(`100,000 rows: 100,000 to add`, { timeout: 60_000 });
  await wizard.importButton(100_000).click();
  await expect(wizard.progress).toBeVisible();
  await expect(wizard.cancelImportButton).toBeEnabled();
  await wizard.cancelImportButton.click();
  await expect(wizard.dialog.getByText('Import cancelled. Nothing was changed.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(wizard.progress).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(wizard.dialog).toBeHidden();
  await participants.expectCount(0);

  // Run one to the end: it says when it is saving, and Cancel is then no longer offered.
  await participants.importButton.click();
  await wizard.chooseFile(file);
  await expect(wizard.summary).toContainText(`20,000 rows: 20,000 to add`, { timeout: 30_000 });
  await wizard.importButton(rows).click();
  await expect(wizard.progress).toBeVisible();
  await expect(wizard.dialog.getByText('Saving participants…')).toBeVisible({ timeout: 60_000 });
  // While it saves, Cancel is no longer offered; the save (one commit) may also end before this
  // looks, which is then the finished view (a race that failed this test once).
  await expect(async () => {
    if (await wizard.finished.isVisible()) return;
    expect(await wizard.cancelImportButton.isDisabled({ timeout: 200 })).toBe(true);
  }).toPass({ timeout: 10_000 });
  await expect(wizard.finished).toContainText('Added 20,000', { timeout: 120_000 });
  await wizard.doneButton.click();
  await participants.expectCount(rows);
  await participants.searchFor('person19999@');
  await expect(participants.row('Person 19999')).toBeVisible();
});

test('a large file shows its first rows at once; every row is checked after, and that can be stopped', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const file = testInfo.outputPath('streamed-registrations.csv');
  const lines = ['Full name,Email,Organisation,Stakeholder group,Country'];
  // 200,000 rows: the whole-file check takes a few seconds, long enough to be stopped even on a loaded
  // machine (at 200,000 it once finished before the click, on CI).
  for (let i = 1; i <= 200_000; i++)
    lines.push(`Person ${i},person${i}@example.org,Organisation ${i % 97},Academia,Kenya`);
  writeFileSync(file, lines.join('\n') + '\n');

  const participants = await participantsOfNewForum(page, app);
  await participants.importButton.click();
  const wizard = new ImportDialog(page);
  const chosen = Date.now();
  await wizard.chooseFile(file);
  const firstPage = wizard.dialog.getByText(/^First 20 of 200,000 rows checked: 20 to add/);
  await expect(firstPage).toBeVisible({ timeout: 10_000 });
  testInfo.annotations.push({
    type: 'first page shown after (ms, includes reading the 5 MB file)',
    description: String(Date.now() - chosen),
  });
  const checking = wizard.dialog.getByRole('progressbar', { name: 'File check progress' });
  await expect(checking).toBeVisible();
  // Stopping cancels the backend's check (the request is aborted): the first page stays. It is
  // clicked first, before the other checks of the first page, so that the check is still running.
  await wizard.dialog.getByRole('button', { name: 'Stop checking' }).click();
  await expect(
    wizard.dialog.getByText(/^Checking stopped after [\d,]+ of 200,000 rows/),
  ).toBeVisible();
  await expect(checking).toBeHidden();
  await expect(firstPage).toBeVisible();
  await expect(wizard.preview.getByRole('row', { name: /Person 1 / })).toBeVisible();
  await expect(wizard.importButton()).toBeDisabled();

  // Checking again goes to the end, and then the whole file can be imported.
  await wizard.dialog.getByRole('button', { name: 'Check the whole file' }).click();
  await expect(wizard.summary).toContainText('200,000 rows: 200,000 to add', { timeout: 90_000 });
  await expect(checking).toBeHidden();
  await expect(wizard.importButton(200_000)).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(wizard.dialog).toBeHidden();
  await participants.expectCount(0);
});
