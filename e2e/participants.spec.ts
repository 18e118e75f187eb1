import { readFileSync } from 'node:fs';
import { AppShell } from './pages/app-shell';
import { ExportDialog } from './pages/export-dialog';
import { ParticipantsPage } from './pages/participants-page';
import { WelcomePage } from './pages/welcome-page';
import { expect, test, type AppServer } from './fixtures/app';
import type { Page } from '@playwright/test';

/** Opens the app on an empty database, creates a forum and goes to its participants. */
async function startWithForum(page: Page, app: AppServer): Promise<ParticipantsPage> {
  await app.open(page);
  await new WelcomePage(page).forumForm.create({ title: 'BPF Meaningful Access', year: 2026 });
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText('BPF Meaningful Access');
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.expectCount(0);
  return participants;
}

const WANJIRU = {
  fullName: 'Wanjiru Kamau-Otieno',
  preferredName: 'Wanjiru',
  email: 'wanjiru@mesh-collective.example',
  organisation: 'Nairobi Community Mesh Collective',
  stakeholderGroup: 'Civil society',
  country: 'Kenya',
  gender: 'Woman',
};

test('a participant added through the form is found by name and organisation, also after a restart', async ({
  page,
  app,
}) => {
  const participants = await startWithForum(page, app);
  await participants.addButton.click();
  const form = participants.addForm;
  await expect(participants.addDialog).toBeVisible();
  await expect(form.fullName).toBeFocused();
  await form.fill({ ...WANJIRU, country: undefined });
  // Picking a country suggests its time zone.
  await expect(form.timeZone).toHaveValue('');
  await form.country.selectOption({ label: WANJIRU.country });
  await expect(form.timeZone).toHaveValue('Africa/Nairobi');
  await expect(participants.addDialog.getByText('Africa ·')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/add-participant-form.png' });
  await form.save();
  await expect(participants.addDialog).toBeHidden();

  await participants.expectCount(1);
  await expect(participants.row('Wanjiru Kamau-Otieno (Wanjiru)')).toBeVisible();

  await participants.searchFor('kamau');
  await participants.expectCount(1);
  await expect(participants.row(WANJIRU.fullName)).toBeVisible();
  await participants.searchFor('mesh coll');
  await participants.expectCount(1);
  await expect(participants.row(WANJIRU.organisation)).toBeVisible();
  await participants.searchFor('nobody-by-this-name');
  await expect(participants.noMatch).toBeVisible();

  // The saved fields are all there on the participant's page.
  await participants.searchFor('');
  await participants.open(WANJIRU.fullName);
  await expect(participants.removeButton).toBeInViewport();
  await page.screenshot({
    path: 'test-results/screenshots/participant-detail.png',
    animations: 'disabled',
  });
  for (const [label, value] of [
    ['Preferred name', WANJIRU.preferredName],
    ['Email', WANJIRU.email],
    ['Organisation', WANJIRU.organisation],
    ['Stakeholder group', WANJIRU.stakeholderGroup],
    ['Country', WANJIRU.country],
    ['Region', 'Africa'],
    ['Time zone', 'Africa/Nairobi'],
    ['Gender', WANJIRU.gender],
  ])
    await expect(participants.detailField(label)).toContainText(value);

  await app.restart();
  await app.open(page);
  await new AppShell(page).goTo('Participants');
  await participants.expectCount(1);
  await participants.searchFor('Wanj');
  await expect(participants.row(WANJIRU.fullName)).toBeVisible();
  await participants.searchFor('Nairobi Community');
  await expect(participants.row(WANJIRU.fullName)).toBeVisible();
});

test('an invalid e-mail shows an error beside the Email field and nothing is saved', async ({
  page,
  app,
}) => {
  const participants = await startWithForum(page, app);
  await participants.addButton.click();
  const form = participants.addForm;
  await form.fill({
    fullName: 'Tomás Ferreira',
    email: 'tomas.ferreira-at-example.org',
    stakeholderGroup: 'Academia',
  });
  await form.save();
  await expect(form.email).toHaveAttribute('aria-invalid', 'true');
  await expect(form.email).toHaveAccessibleDescription(/e-mail/i);
  await expect(form.fullName).not.toHaveAttribute('aria-invalid', 'true');
  await expect(participants.addDialog).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/add-participant-invalid-email.png' });

  await form.cancelButton.click();
  await expect(participants.addDialog).toBeHidden();
  await participants.expectCount(0);

  // Fixing the address saves the person.
  await participants.addButton.click();
  await form.fill({
    fullName: 'Tomás Ferreira',
    email: 'tomas.ferreira@example.org',
    stakeholderGroup: 'Academia',
  });
  await form.save();
  await expect(participants.addDialog).toBeHidden();
  await participants.expectCount(1);
});

test('the list filters by stakeholder group and region', async ({ page, app }) => {
  const participants = await startWithForum(page, app);
  const people = [
    { fullName: 'Amina Diallo', stakeholderGroup: 'Government', country: 'Senegal' },
    { fullName: 'Bruno Keller', stakeholderGroup: 'Government', country: 'Switzerland' },
    { fullName: 'Chen Wei', stakeholderGroup: 'Academia', country: 'China' },
    { fullName: 'Dilnoza Karimova', stakeholderGroup: 'Civil society', country: 'Uzbekistan' },
    { fullName: 'Efua Asante', stakeholderGroup: 'Civil society', country: 'Ghana' },
  ];
  for (const p of people) {
    await participants.addParticipant(p);
    await expect(participants.addDialog).toBeHidden();
  }
  await participants.expectCount(5);
  await page.screenshot({ path: 'test-results/screenshots/participant-list.png' });

  await participants.filterByGroup('Government');
  await participants.expectCount(2);
  await expect(participants.row('Amina Diallo')).toBeVisible();
  await expect(participants.row('Bruno Keller')).toBeVisible();
  await expect(participants.row('Chen Wei')).toHaveCount(0);

  await participants.filterByRegion('Africa');
  await participants.expectCount(1);
  await expect(participants.row('Amina Diallo')).toBeVisible();

  await participants.filterByGroup('All groups');
  await participants.expectCount(2);
  await expect(participants.rows).toHaveText([/Amina Diallo/, /Efua Asante/]);

  await participants.filterByRegion('Asia');
  await participants.expectCount(2);
  await expect(participants.rows).toHaveText([/Chen Wei/, /Dilnoza Karimova/]);

  await participants.filterByRegion('Oceania');
  await expect(participants.noMatch).toBeVisible();
  await participants.clearFiltersButton.click();
  await participants.expectCount(5);
  await expect(participants.regionFilter).toHaveValue('');
});

test('removing a participant asks for confirmation and "Undo" brings them back', async ({
  page,
  app,
}) => {
  const participants = await startWithForum(page, app);
  await participants.addParticipant({ fullName: 'Lucía Fernández', stakeholderGroup: 'Academia' });
  await expect(participants.addDialog).toBeHidden();
  await participants.addParticipant({
    fullName: 'Mateus Souza',
    stakeholderGroup: 'Private sector',
  });
  await expect(participants.addDialog).toBeHidden();
  await participants.expectCount(2);

  // Cancelling the confirmation keeps the person.
  await participants.open('Lucía Fernández');
  await participants.removeButton.click();
  await expect(participants.confirmRemoval).toBeVisible();
  await expect(participants.confirmRemoval).toContainText('Lucía Fernández will be removed');
  await participants.confirmRemoval.getByRole('button', { name: 'Cancel' }).click();
  await expect(participants.confirmRemoval).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(participants.detail).toBeHidden();
  await participants.expectCount(2);

  await participants.open('Lucía Fernández');
  await participants.removeOpenParticipant();
  await expect(participants.detail).toBeHidden();
  await participants.expectCount(1);
  await expect(participants.row('Lucía Fernández')).toHaveCount(0);
  await expect(page.getByText('Lucía Fernández was removed.')).toBeVisible();

  await participants.undoButton.click();
  await expect(page.getByText('Lucía Fernández is back.')).toBeVisible();
  await participants.expectCount(2);
  await expect(participants.row('Lucía Fernández')).toBeVisible();

  // Undo survives nothing else: after a restart she is still there.
  await app.restart();
  await app.open(page);
  await new AppShell(page).goTo('Participants');
  await participants.expectCount(2);
});

/** Opens the app on the sample forum's participants (60 people). */
async function sampleParticipants(page: Page, app: AppServer): Promise<ParticipantsPage> {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.expectCount(60);
  return participants;
}

test('clicking a column header sorts the list and says so with aria-sort', async ({
  page,
  app,
}) => {
  const participants = await sampleParticipants(page, app);
  const name = participants.columnHeader('Name');
  const organisation = participants.columnHeader('Organisation');
  await expect(name).toHaveAttribute('aria-sort', 'ascending');
  await expect(organisation).toHaveAttribute('aria-sort', 'none');
  const ascending = await participants.namesShown();

  await participants.sortBy('Name');
  await expect(name).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await participants.namesShown())[0]).not.toBe(ascending[0]);

  // Keyboard: Tab to the Organisation header's button and press Enter.
  await participants.sortButton('Organisation').focus();
  await page.keyboard.press('Enter');
  await expect(organisation).toHaveAttribute('aria-sort', 'ascending');
  await expect(name).toHaveAttribute('aria-sort', 'none');
  // Organisation order: the first row's organisation sorts before the second's.
  const orgs = await participants.rows.evaluateAll((rows) =>
    rows.slice(0, 5).map((r) => r.querySelectorAll('[role=cell]')[2]?.textContent ?? ''),
  );
  const nonEmpty = orgs.filter(Boolean);
  expect(nonEmpty).toEqual(
    [...nonEmpty].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
  );
});

test('select two rows, "Change role": both get the new role and others keep theirs', async ({
  page,
  app,
}) => {
  const participants = await sampleParticipants(page, app);
  await participants.searchFor('Ingrid Solberg');
  await participants.expectCount(1);
  await participants.select('Ingrid Solberg');
  await participants.searchFor('Tomasz');
  await participants.expectCount(1);
  await participants.select('Tomasz Wiśniewski');
  await expect(participants.bulkActions).toContainText('2 selected');
  await participants.searchFor('');
  await participants.expectCount(60);

  await participants.changeRoleOfSelection('Rapporteur');
  const roleAfterSearch = async (name: string) => {
    await participants.searchFor(name);
    await participants.expectCount(1);
    return participants.roleOf(name);
  };
  await expect(await roleAfterSearch('Ingrid Solberg')).toHaveText('Rapporteur');
  await expect(await roleAfterSearch('Tomasz Wiśniewski')).toHaveText('Rapporteur');
  await expect(await roleAfterSearch('Mele Tupou')).toHaveText('Observer');
  // Still true after reloading: it was stored.
  await page.reload();
  await participants.expectCount(60);
  await expect(await roleAfterSearch('Ingrid Solberg')).toHaveText('Rapporteur');
});

test('protect a selection: the same protection dialog, saying how many, then both protected', async ({
  page,
  app,
}) => {
  const participants = await sampleParticipants(page, app);
  await participants.searchFor('Ingrid Solberg');
  await participants.select('Ingrid Solberg');
  await participants.searchFor('Mele Tupou');
  await participants.select('Mele Tupou');
  await participants.searchFor('');
  await participants.bulkAction('Protect').click();
  const dialog = participants.protectSelectionDialog(2);
  await expect(dialog).toContainText('These 2 participants will appear only as pseudonyms');
  await expect(dialog).toContainText('Ingrid Solberg, Mele Tupou');
  // The reason is required, as for one participant.
  await dialog.getByRole('button', { name: 'Protect 2 participants' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Named in a harassment thread');
  await dialog.getByRole('button', { name: 'Protect 2 participants' }).click();
  await expect(dialog).toBeHidden();
  await expect(participants.bulkActions).toBeHidden();
  for (const [name, isProtected] of [
    ['Ingrid Solberg', true],
    ['Mele Tupou', true],
    ['Tomasz Wiśniewski', false],
  ] as const) {
    await participants.searchFor(name);
    await participants.expectCount(1);
    await expect(participants.row(name).getByText('Protected', { exact: true })).toHaveCount(
      isProtected ? 1 : 0,
    );
  }
});

test('"Export selection" saves a directory of only the selected people', async ({ page, app }) => {
  const participants = await sampleParticipants(page, app);
  for (const name of ['Ingrid Solberg', 'Tomasz Wiśniewski']) {
    await participants.searchFor(name);
    await participants.expectCount(1);
    await participants.select(name);
  }
  await participants.bulkAction('Export selection').click();
  const dialog = new ExportDialog(page, 'Export 2 selected participants');
  await expect(dialog.dialog.getByText('2 entries')).toBeVisible();
  const download = await dialog.save();
  expect(download.suggestedFilename()).toMatch(/participant-directory-public-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(csv).toContain('Ingrid Solberg');
  expect(csv).toContain('Tomasz Wiśniewski');
  expect(csv).not.toContain('Mele Tupou');
});

test('select all on this page ticks every row shown, and clearing unticks them', async ({
  page,
  app,
}) => {
  const participants = await sampleParticipants(page, app);
  await participants.filterByGroup('Civil society');
  const shown = await participants.namesShown();
  await participants.selectAllOnPage.check();
  await expect(participants.bulkActions).toContainText(`${shown.length} selected`);
  await participants.bulkAction('Clear selection').click();
  await expect(participants.bulkActions).toBeHidden();
});

test('a saved filter keeps search, filters and sort, is there after a reload, and can be deleted', async ({
  page,
  app,
}) => {
  const participants = await sampleParticipants(page, app);
  await participants.filterByGroup('Civil society');
  await participants.sortBy('Organisation');
  await participants.sortBy('Organisation');
  await expect(participants.columnHeader('Organisation')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const filtered = await participants.count.innerText();
  await participants.saveFilter('Civil society by organisation');

  await page.reload();
  await participants.expectCount(60);
  await expect(participants.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending');
  await participants.savedFilter.selectOption({ label: 'Civil society by organisation' });
  await expect(participants.stakeholderGroupFilter).toHaveValue('civil_society');
  await expect(participants.columnHeader('Organisation')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(participants.count).toHaveText(filtered);

  await participants.deletePickedFilter();
  await expect(participants.savedFilter.getByRole('option')).toHaveText(['No saved filters yet']);
});
