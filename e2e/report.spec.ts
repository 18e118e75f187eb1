import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ReportPreview } from './pages/report-preview';

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
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Report' })
    .click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible();
  await expect(main.getByText('No report yet')).toBeVisible();
  await main.getByRole('button', { name: 'New report' }).click();

  // The BPF outline, in order and numbered.
  const outline = main.getByRole('navigation', { name: 'Outline' });
  await expect(outline.getByRole('group', { name: '1 Executive summary' })).toBeVisible();
  await expect(outline.getByRole('group', { name: '4.2 Analysis of comments' })).toBeVisible();
  await outline
    .getByRole('group', { name: '2.1 Barriers' })
    .getByRole('button', { name: /Barriers/ })
    .click();

  // Write; autosave shows its state.
  const text = main.getByRole('textbox', { name: /Section text: 2\.1 Barriers/ });
  const status = main.getByRole('status').filter({ hasText: /^(Saved|Saving…|Not saved)$/ });
  await text.fill('Connectivity costs remain high in rural areas.');
  await expect(status).toHaveText(/Not saved|Saving…/);
  await expect(status).toHaveText('Saved');
  await expect(
    main.getByRole('region', { name: 'Preview' }).getByText('Connectivity costs remain high'),
  ).toBeVisible();

  // Draft I.
  await main.getByRole('tab', { name: /Versions/ }).click();
  await main.getByLabel('Version name').fill('Draft I');
  await main.getByRole('button', { name: 'Save version' }).click();
  const versions = main.getByRole('table', { name: 'Saved versions' });
  await expect(versions.getByRole('cell', { name: 'Draft I', exact: true })).toBeVisible();

  // Change the text and save Draft II.
  await main.getByRole('tab', { name: /Write/ }).click();
  await expect(text).toHaveValue('Connectivity costs remain high in rural areas.');
  await text.fill('Connectivity costs remain prohibitively high in rural areas.');
  await expect(status).toHaveText(/Not saved|Saving…/);
  await expect(status).toHaveText('Saved');
  await main.getByRole('tab', { name: /Versions/ }).click();
  await main.getByLabel('Version name').fill('Draft II');
  await main.getByRole('button', { name: 'Save version' }).click();
  await expect(versions.getByRole('cell', { name: 'Draft II', exact: true })).toBeVisible();

  // Compare: the inserted word is shown as an insertion, in the changed section only.
  await main.getByLabel('From version').selectOption({ label: 'Draft I' });
  await main.getByLabel('To version').selectOption({ label: 'Draft II' });
  await main.getByRole('button', { name: 'Compare', exact: true }).click();
  const differences = main.getByRole('region', { name: 'Differences' });
  await expect(differences.getByText(/1 of \d+ sections differ/)).toBeVisible();
  const barriers = differences.getByRole('article', { name: '2.1 Barriers' });
  await expect(barriers.locator('ins')).toHaveCount(1);
  await expect(barriers.locator('ins')).toContainText('prohibitively');
  await expect(barriers.locator('del')).toHaveCount(0);
  await expect(barriers.getByText('1 word added, 0 removed')).toBeVisible();

  // Export the current text as HTML for the public.
  await main.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the report' });
  await dialog.getByLabel('Audience').selectOption('public');
  await dialog.getByLabel('Format').selectOption('html');
  await expect(dialog.getByText(/\d+ items? redacted/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save file' }).click();
  const download = await downloading;
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
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  const main = page.getByRole('main');

  // Protect a participant, then name her in the report prose.
  await shell.goTo('Participants');
  await main.getByRole('searchbox', { name: 'Search participants' }).fill('Ana Beatriz');
  await main.getByRole('row').filter({ hasText: 'Ana Beatriz Lima' }).click();
  const detail = page.getByRole('dialog', { name: 'Participant', exact: true });
  await detail.getByRole('button', { name: 'Protect participant' }).click();
  const protect = page.getByRole('dialog', { name: 'Protect participant' });
  await protect.getByLabel('Reason').fill('Named in threats on the mailing list');
  await protect.getByRole('button', { name: 'Protect participant' }).click();
  await expect(protect).toBeHidden();
  await page.keyboard.press('Escape');

  await shell.goTo('Report');
  await main.getByRole('button', { name: 'New report' }).click();
  const outline = main.getByRole('navigation', { name: 'Outline' });
  await outline
    .getByRole('group', { name: '2.1 Barriers' })
    .getByRole('button', { name: /Barriers/ })
    .click();
  const text = main.getByRole('textbox', { name: /Section text: 2\.1 Barriers/ });
  const status = main.getByRole('status').filter({ hasText: /^(Saved|Saving…|Not saved)$/ });
  await text.fill('As Ana Beatriz Lima put it, rural connectivity costs remain high.');
  await expect(status).toHaveText('Saved');

  const preview = new ReportPreview(page);
  await preview.button.click();
  await expect(preview.dialog).toBeVisible();
  await expect(preview.frame.getByText('rural connectivity costs remain high')).toBeVisible();
  await expect(preview.frame.getByText(/Participant [A-Z2-9]+ put it/)).toBeVisible();
  await expect(preview.frame.locator('body')).not.toContainText('Ana Beatriz');
  await expect(preview.frame.locator('body')).not.toContainText('Lima');
  await expectNoSeriousA11yViolations(page, 'the public report preview', '[role="dialog"]');
});
