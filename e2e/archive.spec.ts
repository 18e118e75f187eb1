import { AppShell } from './pages/app-shell';
import { ForumAdmin } from './pages/forum-admin';
import { WelcomePage } from './pages/welcome-page';
import { expect, test } from './fixtures/app';

/**
 * An archived forum is read-only in the UI too: the areas leave their write controls out and say
 * why, while reading and exporting stay; after "Unarchive forum" the controls are back.
 */
test('an archived forum offers no writes, says why, and gets them back once unarchived', async ({
  page,
  app,
}) => {
  await app.open(page);
  const shell = new AppShell(page);
  const admin = new ForumAdmin(page);
  const main = shell.main;
  const reason = main.getByText('This forum is archived.', { exact: true });
  await new WelcomePage(page).loadSample();

  await admin.archiveButton.click();
  await expect(admin.archivedBanner).toBeVisible();
  await expect(admin.editForumButton).toBeDisabled();

  // Participants: no adding, importing or saving filters; the registry and its export stay.
  await shell.goTo('Participants');
  await expect(main.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  await expect(admin.archivedBanner).toBeVisible();
  await expect(reason).toBeVisible();
  await expect(main.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
  await expect(main.getByRole('combobox', { name: 'Saved filter' })).toBeVisible();
  for (const name of ['Add participant', 'Import CSV', 'Save filter', 'Delete saved filter'])
    await expect(main.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(main.getByRole('button', { name: /^(Protect|Unprotect) / })).toHaveCount(0);
  // Selecting still works (for an export of the selection), but no bulk changes are offered.
  await main
    .getByRole('checkbox', { name: /^Select / })
    .first()
    .check();
  const bulk = main.getByRole('toolbar', { name: 'Selected participants' });
  await expect(bulk.getByRole('button', { name: 'Export selection' })).toBeVisible();
  await expect(bulk.getByRole('button', { name: 'Change role' })).toHaveCount(0);
  await expect(bulk.getByRole('button', { name: 'Protect', exact: true })).toHaveCount(0);

  // Calls: no new series; the timeline is still read.
  await shell.goTo('Calls');
  await expect(main.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  await expect(reason).toBeVisible();
  await expect(main.getByRole('button', { name: 'New call series' })).toHaveCount(0);
  await expect(main.getByRole('table', { name: 'Past calls and sessions' })).toBeVisible();

  // NRIs: no session planned.
  await shell.goTo('NRIs');
  await main.getByRole('tab', { name: 'Onsite sessions' }).click();
  await expect(main.getByRole('table', { name: 'Onsite sessions' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Plan session' })).toHaveCount(0);

  // Unarchive from the Overview: the controls are back.
  await shell.goTo('Overview');
  await admin.unarchiveButton.click();
  await expect(admin.archivedBanner).toBeHidden();
  await expect(admin.editForumButton).toBeEnabled();
  await shell.goTo('Participants');
  await expect(main.getByRole('button', { name: 'Add participant' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Import CSV' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Save filter' })).toBeVisible();
  await expect(reason).toHaveCount(0);
  await shell.goTo('Calls');
  await expect(main.getByRole('button', { name: 'New call series' })).toBeVisible();
  await expect(reason).toHaveCount(0);
});
