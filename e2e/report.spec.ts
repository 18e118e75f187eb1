import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ParticipantsPage } from './pages/participants-page';
import { ReportPage } from './pages/report-page';
import { ReportPreview } from './pages/report-preview';
import { WelcomePage } from './pages/welcome-page';

/**
 * The rapporteur's loop on the outcome report: start it from the BPF template, write a section
 * (autosaved), save "Draft I", change the text, save "Draft II", compare the two versions word by
 * word, and export the report as HTML for the public.
 */
test('write a section, save two drafts, compare them and export HTML for the public', async ({
  app,
  page,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  await new AppShell(page).goTo('Report');
  const report = new ReportPage(page);
  await expect(report.heading).toBeVisible();
  await expect(report.noReport).toBeVisible();
  await report.newReportButton.click();

  // The BPF outline, in order and numbered.
  await expect(report.outlineSection('1 Executive summary')).toBeVisible();
  await expect(report.outlineSection('4.2 Analysis of comments')).toBeVisible();
  await report.openSection('2.1', 'Barriers');

  // Write; autosave shows its state.
  const text = report.sectionText('2.1 Barriers');
  const status = report.saveStatus;
  await text.fill('Connectivity costs remain high in rural areas.');
  await expect(status).toHaveText(/Not saved|Saving…/);
  await expect(status).toHaveText('Saved');
  await expect(report.preview.getByText('Connectivity costs remain high')).toBeVisible();

  // Draft I.
  await report.tab(/Versions/).click();
  await report.saveVersion('Draft I');
  const versions = report.versions;
  await expect(versions.getByRole('cell', { name: 'Draft I', exact: true })).toBeVisible();

  // Change the text and save Draft II.
  await report.tab(/Write/).click();
  await expect(text).toHaveValue('Connectivity costs remain high in rural areas.');
  await text.fill('Connectivity costs remain prohibitively high in rural areas.');
  await expect(status).toHaveText(/Not saved|Saving…/);
  await expect(status).toHaveText('Saved');
  await report.tab(/Versions/).click();
  await report.saveVersion('Draft II');
  await expect(versions.getByRole('cell', { name: 'Draft II', exact: true })).toBeVisible();

  // Compare: the inserted word is shown as an insertion, in the changed section only.
  await report.fromVersion.selectOption({ label: 'Draft I' });
  await report.toVersion.selectOption({ label: 'Draft II' });
  await report.compareButton.click();
  await expect(report.differences.getByText(/1 of \d+ sections differ/)).toBeVisible();
  const barriers = report.differenceIn('2.1 Barriers');
  await expect(barriers.locator('ins')).toHaveCount(1);
  await expect(barriers.locator('ins')).toContainText('prohibitively');
  await expect(barriers.locator('del')).toHaveCount(0);
  await expect(barriers.getByText('1 word added, 0 removed')).toBeVisible();

  // Export the current text as HTML for the public.
  await report.exportButton.click();
  const dialog = report.exportDialog;
  await dialog.audience.selectOption('public');
  await dialog.format.selectOption('html');
  await expect(dialog.redacted).toBeVisible();
  const download = await dialog.save();
  expect(download.suggestedFilename()).toMatch(/-public-.*\.html$/);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toMatch(/<h\d[^>]*>(?:(?!<\/h\d>).)*Barriers(?:(?!<\/h\d>).)*<\/h\d>/s);
  expect(html).toContain('Connectivity costs remain prohibitively high in rural areas.');
});

test('"Preview as public" shows the public report in the app, without a protected name', async ({
  app,
  page,
}) => {
  await app.open(page);
  const shell = new AppShell(page);
  await new WelcomePage(page).loadSample();

  // Protect a participant, then name her in the report prose.
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.searchFor('Ana Beatriz');
  await participants.row('Ana Beatriz Lima').click();
  await participants.protectOpenParticipant('Named in threats on the mailing list');
  await page.keyboard.press('Escape');

  await shell.goTo('Report');
  const report = new ReportPage(page);
  await report.newReportButton.click();
  await report.openSection('2.1', 'Barriers');
  await report
    .sectionText('2.1 Barriers')
    .fill('As Ana Beatriz Lima put it, rural connectivity costs remain high.');
  await expect(report.saveStatus).toHaveText('Saved');

  const preview = new ReportPreview(page);
  await preview.button.click();
  await expect(preview.dialog).toBeVisible();
  await expect(preview.frame.getByText('rural connectivity costs remain high')).toBeVisible();
  await expect(preview.frame.getByText(/Participant [A-Z2-9]+ put it/)).toBeVisible();
  await expect(preview.frame.locator('body')).not.toContainText('Ana Beatriz');
  await expect(preview.frame.locator('body')).not.toContainText('Lima');
  await expectNoSeriousA11yViolations(page, 'the public report preview', '[role="dialog"]');
});
