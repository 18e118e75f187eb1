import { expectNoSeriousA11yViolations } from './pages/axe';
import { AppShell, type AreaName } from './pages/app-shell';
import { WelcomePage } from './pages/welcome-page';
import { expect, test } from './fixtures/app';

const AREAS: AreaName[] = [
  'Overview',
  'Participants',
  'Calls',
  'NRIs',
  'Contributions',
  'Representation',
  'Report',
  'Safeguards',
];

/** Main dialogs: the area they open from and the button that opens them. */
const DIALOGS: { area: AreaName; button: string; dialog: string }[] = [
  { area: 'Overview', button: 'Edit forum', dialog: 'Edit forum' },
  { area: 'Participants', button: 'Add participant', dialog: 'Add participant' },
  { area: 'Participants', button: 'Import CSV', dialog: 'Import participants from CSV' },
  { area: 'Participants', button: 'Export', dialog: 'Export participant directory' },
  { area: 'Contributions', button: 'Add contribution', dialog: 'Add contribution' },
  { area: 'Safeguards', button: 'Log incident', dialog: 'Log incident' },
];

test('axe finds no serious or critical violation on the welcome page and every area', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await app.open(page);
  await expect(new WelcomePage(page).heading).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the welcome page');
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText(/sample/);
  for (const area of AREAS) {
    await shell.goTo(area);
    await expect(shell.pageHeading).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the ${area} area`);
  }
  // The same in the dark colour scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const area of ['Overview', 'Participants', 'Report'] as AreaName[]) {
    await shell.goTo(area);
    await expect(shell.pageHeading).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the ${area} area in the dark scheme`);
  }
});

test('axe finds no serious or critical violation in the main dialogs', async ({ page, app }) => {
  test.setTimeout(180_000);
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText(/sample/);
  for (const { area, button, dialog } of DIALOGS) {
    await shell.goTo(area);
    await shell.main.getByRole('button', { name: button, exact: true }).first().click();
    const open = page.getByRole('dialog', { name: dialog });
    await expect(open).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the “${dialog}” dialog`, '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expect(open).toBeHidden();
  }
});

test('a narrow window puts the navigation behind a menu button; the skip link reaches the content', async ({
  page,
  app,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText(/sample/);
  await page.setViewportSize({ width: 700, height: 800 });
  await expect(shell.area('Participants')).toBeHidden();
  await shell.menuButton.click();
  await expect(shell.area('Participants')).toBeVisible();
  await shell.area('Participants').click();
  await expect(shell.main.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  await expect(shell.area('Participants')).toBeHidden();
  await expectNoSeriousA11yViolations(page, 'the Participants area at 700 px');

  // Participants at 1024×768: the list scrolls inside its container, the page does not overflow.
  await page.setViewportSize({ width: 1024, height: 768 });
  // The e2e tsconfig has no DOM types: the page's globals are reached through globalThis.
  const overflow = await page.evaluate(() => {
    const root = (
      globalThis as unknown as {
        document: { documentElement: { scrollWidth: number; clientWidth: number } };
      }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);

  // The first Tab reaches the skip link, which moves focus to the main content (and leaves the
  // route alone: the fragment belongs to the router).
  await page.reload();
  await expect(shell.pageHeading).toBeVisible();
  const route = shell.route();
  await page.keyboard.press('Tab');
  await expect(shell.skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.main).toBeFocused();
  expect(shell.route()).toBe(route);
});

test('focus moves to the new view’s heading after loading the sample and creating a report; adding a participant is announced', async ({
  page,
  app,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toBeFocused();
  await shell.goTo('Report');
  await shell.main.getByRole('button', { name: 'New report' }).click();
  await expect(shell.main.getByRole('navigation', { name: 'Outline' })).toBeVisible();
  await expect(shell.pageHeading).toBeFocused();

  await shell.goTo('Participants');
  await shell.main.getByRole('button', { name: 'Add participant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add participant' });
  await dialog.getByRole('textbox', { name: 'Full name', exact: true }).fill('Ngozi Announce');
  await dialog
    .getByRole('combobox', { name: 'Stakeholder group' })
    .selectOption({ label: 'Academia' });
  await dialog.getByRole('button', { name: 'Save participant' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    shell.main.getByRole('status').filter({ hasText: 'Participant added' }),
  ).toBeAttached();
});
