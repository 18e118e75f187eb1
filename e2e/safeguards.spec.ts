import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { AuditLog } from './pages/audit-log';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ExportDialog } from './pages/export-dialog';
import { ParticipantsPage } from './pages/participants-page';
import { WelcomePage } from './pages/welcome-page';

/**
 * A coordinator protects a participant, previews the app as the public would see it, and exports
 * the public participant directory: the protected person's name and e-mail are nowhere.
 */
test('protecting a participant hides them from the public view and from the public CSV', async ({
  app,
  page,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  const main = participants.main;
  await participants.searchFor('Ana Beatriz');
  const row = participants.row('Ana Beatriz Lima');
  await expect(row).toHaveCount(1);
  await row.click();

  const detail = participants.detail;
  await participants.protectOpenParticipant('Named in threats on the mailing list');

  // The coordinator still sees the real details, marked as protected.
  await expect(
    detail.getByText(/Protected · shown to others as Participant [A-Z2-9]+/),
  ).toBeVisible();
  const marker = await detail.getByText(/shown to others as/).textContent();
  const pseudonym = /Participant [A-Z2-9]+/.exec(marker ?? '')![0];
  await page.keyboard.press('Escape');

  // Preview as public: only the pseudonym, in the list and on the participant's page.
  await shell.previewSwitch.check();
  await expect(shell.previewBanner).toBeVisible();
  await participants.searchFor('Ana Beatriz');
  await participants.expectCount(0);
  await participants.searchFor(pseudonym);
  const publicRow = participants.row(pseudonym);
  await expect(publicRow).toHaveCount(1);
  await expect(main.getByText('Ana Beatriz Lima')).toHaveCount(0);
  await expect(publicRow).not.toContainText('Conecta');
  await publicRow.click();
  await expect(detail.getByRole('heading', { name: pseudonym })).toBeVisible();
  await expect(detail).not.toContainText('Ana Beatriz');
  await expect(detail).not.toContainText('ana.lima@');
  await expect(detail.getByRole('button', { name: 'Edit participant' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await shell.previewSwitch.uncheck();

  // Export the public directory as CSV, after seeing the redaction preview.
  await participants.exportButton.click();
  const dialog = new ExportDialog(page, 'Export participant directory');
  await dialog.audience.selectOption('public');
  await dialog.format.selectOption('csv');
  await expect(dialog.redacted).toBeVisible();
  await expect(dialog.dialog.getByText(pseudonym, { exact: true })).toBeVisible();
  const download = await dialog.save();
  expect(download.suggestedFilename()).toMatch(/participant-directory-public-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(pseudonym);
  expect(csv).not.toContain('Ana Beatriz');
  expect(csv).not.toContain('ana.lima@conecta-mulheres.example');
  expect(csv).toContain('Abebe Tesfaye');
});

test('the audit log says what was done in words, names who did it, and links to the participant', async ({
  app,
  page,
}) => {
  await app.open(page);
  const shell = new AppShell(page);
  await new WelcomePage(page).loadSample();
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.searchFor('Ana Beatriz');
  await participants.row('Ana Beatriz Lima').click();
  await participants.protectOpenParticipant('Named in threats on the mailing list');
  const participantRoute = shell.route();
  await page.keyboard.press('Escape');

  await shell.goTo('Safeguards');
  const log = new AuditLog(page);
  await log.tab.click();
  // A protected person is named in the log by their pseudonym.
  const row = log.entry(/Protected Participant [A-Z2-9]+/).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toHaveText('Coordinator');
  await expect(row).not.toContainText('participant.protect');
  // Scoped to the tab: the "protected" toast still on screen has its own findings (see report).
  await expectNoSeriousA11yViolations(page, 'the audit log', '[role="tabpanel"]');
  await row.getByRole('link', { name: 'Open the participant' }).click();
  expect(shell.route()).toBe(participantRoute);
  await expect(participants.detail.getByText('Ana Beatriz Lima').first()).toBeVisible();
});
