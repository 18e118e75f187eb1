import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test, type AppServer } from './fixtures/app';
import { rpcClient } from './fixtures/rpc';
import { ContributionsPage } from './pages/contributions-page';
import { WelcomePage } from './pages/welcome-page';

/**
 * The app with the sample forum loaded (10 contributions), and the RPC API over HTTP with the
 * page's session for test data (rpcClient).
 */
async function openSampleForum(app: AppServer, page: Page) {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  const rpc = rpcClient(page, app.url);
  const forum = await rpc<{ id: string }>('forums.current', {});
  return { rpc, forumId: forum.id };
}

/**
 * A rapporteur records a contribution from an NRI session with organisation-only attribution,
 * accepts it and finds it by a word of its text; after the contributor withdraws consent to
 * publication, the coverage export no longer counts it.
 *
 * The NRI session is created through the RPC API over HTTP (`sessions.create`, with the session
 * token from the app's URL), as a test fixture; the contribution itself is entered in the UI and
 * linked to that session by picking it in the "NRI session" select.
 */
test('a contribution from an NRI session: add, accept, find, withdraw consent, export coverage', async ({
  app,
  page,
}) => {
  const { rpc, forumId } = await openSampleForum(app, page);

  await rpc('sessions.create', {
    forumId,
    title: 'BPF session at LACIGF',
    date: '2026-08-04',
    startTime: '10:00',
    zone: 'America/Bogota',
  });

  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Contributions' })
    .click();
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Add contribution' }).click();
  const form = page.getByRole('dialog', { name: 'Add contribution' });
  await form.getByLabel('Title').fill('Community radio for digital skills');
  await form.getByLabel('Summary').fill('Local radio teaches safe internet use.');
  await form
    .getByLabel('Full text')
    .fill(
      'A network of **community radios** broadcasts weekly lessons on phishing and chalupa privacy.',
    );
  await form.getByLabel('Kind').selectOption('practice');
  await form.getByLabel('Country').selectOption('CO');
  await form.getByLabel('Source').selectOption('nri_session');
  await form.getByLabel('NRI session').selectOption({ label: 'BPF session at LACIGF' });
  await form.getByLabel('Outside contributor name').fill('Lucía Gómez');
  await form.getByLabel('Organisation').fill('Radio Comunitaria Andina');
  await form.getByLabel('Attribution').selectOption('organisation');
  await form.getByLabel('May be published').check();
  await form.getByLabel('Consent given by').selectOption('call');
  await form.getByLabel('Date received').fill('2026-08-04');
  await form.getByLabel('Consent given on').fill('2026-08-04');
  await form.getByRole('button', { name: 'Save contribution' }).click();
  await expect(form).toBeHidden();

  // The contribution's page: accept it.
  const detail = page.getByRole('dialog', { name: 'Contribution', exact: true });
  await expect(
    detail.getByRole('heading', { name: 'Community radio for digital skills' }),
  ).toBeVisible();
  await expect(detail.getByText('NRI session: BPF session at LACIGF')).toBeVisible();
  await expect(detail.getByText('Radio Comunitaria Andina', { exact: true })).toBeVisible();
  await detail.getByLabel('Status').selectOption('accepted');
  await detail.getByLabel('Reviewer notes').fill('Good local example.');
  await detail.getByRole('button', { name: 'Save review' }).click();
  await expect(detail.getByText(/Status: Submitted → Accepted/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // Find it by a word from its full text, highlighted.
  await main.getByRole('searchbox', { name: 'Search contributions' }).fill('chalupa');
  await expect(main.getByRole('status').first()).toHaveText('1 contribution');
  const row = main.getByRole('row').filter({ hasText: 'Community radio for digital skills' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('mark', { hasText: 'chalupa' })).toBeVisible();

  // Coverage export counts it: the sample forum already has two accepted contributions from Latin
  // America and the Caribbean (Brazil, Bolivia), so the region shows 3 with this one.
  const exportCoverage = async () => {
    await main.getByRole('tab', { name: 'Coverage' }).click();
    await main.getByRole('button', { name: 'Export coverage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export coverage' });
    await dialog.getByLabel('Audience').selectOption('public');
    await dialog.getByLabel('Format').selectOption('csv');
    await expect(dialog.getByText(/entr(y|ies) ·/)).toBeVisible();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/contribution-coverage-public-.*\.csv$/);
    return readFileSync((await download.path())!, 'utf8');
  };
  const before = await exportCoverage();
  // Exported figures are perturbed to a multiple of 3 within 3 of the true count (3 here).
  expect(before).toMatch(/Latin America and the Caribbean,(0|3|6)\r?\n/);

  // Withdraw consent to publication.
  await main.getByRole('tab', { name: 'List' }).click();
  await row.click();
  await detail.getByRole('button', { name: 'Withdraw consent' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Withdraw consent' });
  await withdraw.getByLabel('What is withdrawn').selectOption('publication');
  await withdraw.getByLabel('Note').fill('Asked by e-mail');
  await withdraw.getByRole('button', { name: 'Confirm withdrawal' }).click();
  await expect(detail.getByText('Consent to publication withdrawn')).toBeVisible();
  await expect(detail.getByText(/Consent withdrawn: publication/)).toBeVisible();
  await page.keyboard.press('Escape');

  const after = await exportCoverage();
  // Without it the region is back to two, published as 0 or 3 (never 1 or 2).
  expect(after).toMatch(/Latin America and the Caribbean,(0|3)\r?\n/);
});

test('the contributions list exports through the Export dialog and sorts by its column headers', async ({
  app,
  page,
}) => {
  await openSampleForum(app, page);
  const contributions = new ContributionsPage(page);
  await contributions.open();
  await expect(contributions.count).toHaveText('10 contributions');

  // Sorting by Title: aria-sort says the order, and the titles follow the user's alphabet.
  const title = contributions.columnHeader('Title');
  await expect(title).toHaveAttribute('aria-sort', 'none');
  await contributions.sortBy('Title');
  await expect(title).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await contributions.titles();
  expect(ascending).toHaveLength(10);
  expect(ascending).toContain("Community-owned Wi-Fi run by women's cooperatives");
  expect(ascending).toEqual(
    [...ascending].sort(
      new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare,
    ),
  );
  await contributions.sortBy('Title');
  await expect(title).toHaveAttribute('aria-sort', 'descending');
  expect(await contributions.titles()).toEqual([...ascending].reverse());

  // Export: the public file of the accepted contributions, through the redaction preview.
  const download = await contributions.exportCsv('Public');
  expect(download.suggestedFilename()).toMatch(/-contributions-public-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain("Community-owned Wi-Fi run by women's cooperatives");
  await expect(contributions.exportDialog).toBeHidden();
});

test('a column header sorts the whole list: the order runs on across its pages', async ({
  app,
  page,
}) => {
  const { rpc, forumId } = await openSampleForum(app, page);
  // 50 more than the sample's 10, made in an order that is not the alphabet's: two pages of 50.
  for (let i = 0; i < 50; i++)
    await rpc('contributions.create', {
      forumId,
      title: `Practice ${String((i * 37) % 50).padStart(2, '0')} on ${i % 2 ? 'access' : 'Access'}`,
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-01',
    });
  const contributions = new ContributionsPage(page);
  await contributions.open();
  await expect(contributions.count).toHaveText('60 contributions');

  const readAll = async () => {
    const first = await contributions.titles();
    await contributions.goToPage(2);
    return [...first, ...(await contributions.titles())];
  };
  await contributions.sortBy('Title');
  await expect(contributions.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending');
  await expect(contributions.pageButton(1)).toHaveAttribute('aria-current', 'page');
  const ascending = await readAll();
  // Every contribution once, in the alphabet's order (case and accents folded) across both pages.
  expect(ascending).toHaveLength(60);
  expect(new Set(ascending).size).toBe(60);
  const folded = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  expect(ascending).toEqual(
    [...ascending].sort((a, b) => (folded(a) < folded(b) ? -1 : folded(a) > folded(b) ? 1 : 0)),
  );
  expect(ascending.slice(0, 2)).toEqual([
    'Andean community network stories',
    "Community-owned Wi-Fi run by women's cooperatives",
  ]);

  // The other order starts again at page 1, with the last titles first.
  await contributions.sortBy('Title');
  await expect(contributions.columnHeader('Title')).toHaveAttribute('aria-sort', 'descending');
  await expect(contributions.pageButton(1)).toHaveAttribute('aria-current', 'page');
  expect(await readAll()).toEqual([...ascending].reverse());
});

test('a saved filter of the contributions list comes back after a reload', async ({
  app,
  page,
}) => {
  await openSampleForum(app, page);
  const contributions = new ContributionsPage(page);
  await contributions.open();
  await expect(contributions.count).toHaveText('10 contributions');
  await contributions.statusFilter.selectOption({ label: 'Accepted' });
  // Read the count once the filtered list has come (it was read too early once: the whole count).
  await expect(contributions.count).not.toHaveText(/^10 contributions$|Loading/);
  const accepted = await contributions.count.innerText();
  await contributions.main.getByRole('button', { name: 'Save filter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save filter' });
  await dialog.getByRole('textbox', { name: 'Filter name' }).fill('Accepted only');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await contributions.open();
  await expect(contributions.count).toHaveText('10 contributions');
  await contributions.main
    .getByRole('combobox', { name: 'Saved filter' })
    .selectOption({ label: 'Accepted only' });
  await expect(contributions.statusFilter).toHaveValue('accepted');
  await expect(contributions.count).toHaveText(accepted);
});
