import { AppShell } from './pages/app-shell';
import { ParticipantsPage } from './pages/participants-page';
import { WelcomePage } from './pages/welcome-page';
import { expect, test } from './fixtures/app';

test('every area has a URL; back, forward and reload keep the view, detail views included', async ({
  page,
  app,
}) => {
  // One walk through five areas with three reloads: longer than one area's spec.
  test.setTimeout(120_000);
  await app.open(page);
  // The token leaves the address bar as soon as the page has read it.
  expect(page.url()).not.toContain('token=');
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText(/sample/);
  expect(shell.route()).toBe('/overview');

  await shell.goTo('Participants');
  expect(shell.route()).toBe('/participants');
  const participants = new ParticipantsPage(page);
  await expect(participants.rows.first()).toBeVisible();
  // The first cell holds the row's selection checkbox; the name is the second.
  const name = (await participants.rows.first().getByRole('cell').nth(1).innerText()).trim();
  await participants.rows.first().click();
  await expect(participants.detail).toBeVisible();
  expect(shell.route()).toMatch(/^\/participants\/[\w-]+$/);
  const detailRoute = shell.route();

  // A reload on the detail URL opens the same participant.
  await page.reload();
  await expect(participants.detail).toBeVisible();
  await expect(
    participants.detail.getByRole('heading', { name: name.replace(/ \(.*\)$/, ''), exact: true }),
  ).toBeVisible();
  expect(shell.route()).toBe(detailRoute);

  // Back closes it, forward opens it again.
  await page.goBack();
  await expect(participants.detail).toBeHidden();
  expect(shell.route()).toBe('/participants');
  await page.goForward();
  await expect(participants.detail).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(participants.detail).toBeHidden();
  expect(shell.route()).toBe('/participants');

  // Tabs are part of the URL too.
  await shell.goTo('Safeguards');
  await shell.main.getByRole('tab', { name: 'Audit log' }).click();
  expect(shell.route()).toBe('/safeguards/audit');
  await page.reload();
  await expect(shell.main.getByRole('tab', { name: 'Audit log' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.goBack();
  await expect(shell.main.getByRole('tab', { name: 'Incidents' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // A report and its section are deep links.
  await shell.goTo('Report');
  await shell.main.getByRole('button', { name: 'New report' }).click();
  await expect.poll(() => shell.route()).toMatch(/^\/report\/[\w-]+$/);
  const outline = shell.main.getByRole('navigation', { name: 'Outline' });
  const barriers = outline
    .getByRole('group', { name: '2.1 Barriers' })
    .getByRole('button', { name: /Barriers/ });
  await barriers.click();
  await expect.poll(() => shell.route()).toMatch(/^\/report\/[\w-]+\/[\w-]+$/);
  const sectionRoute = shell.route();
  await page.reload();
  expect(shell.route()).toBe(sectionRoute);
  await expect(barriers).toHaveAttribute('aria-current', 'true');
  await expect(
    shell.main.getByRole('textbox', { name: /Section text: 2\.1 Barriers/ }),
  ).toBeVisible();

  // An unknown path lands on the Overview instead of a blank page.
  await page.goto(page.url().replace(/#.*$/, '#/no-such-area'));
  await expect(shell.pageHeading).toHaveText(/sample/);
  expect(shell.route()).toBe('/overview');
});

test('a second window sees a participant added in the first without reloading', async ({
  page,
  app,
  context,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.goTo('Participants');
  const first = new ParticipantsPage(page);
  await expect(first.rows.first()).toBeVisible();
  const before = Number((await first.count.innerText()).replace(/\D/g, ''));

  const other = await context.newPage();
  await app.open(other);
  const second = new ParticipantsPage(other);
  await new AppShell(other).goTo('Participants');
  await second.expectCount(before);

  await first.addParticipant({ fullName: 'Zainab Live-Update', stakeholderGroup: 'Academia' });
  await first.expectCount(before + 1);
  // Written in one window, shown in the other: the live-update channel invalidates its list.
  // Until the server has the channel (GET /events), this waits for a refetch instead.
  const token = new URL(app.url).hash.replace('#token=', '');
  const channel = await other.evaluate(async (t) => {
    const stop = new AbortController();
    const res = await fetch('/events', {
      headers: { Authorization: `Bearer ${t}` },
      signal: stop.signal,
    });
    stop.abort();
    return res.status;
  }, token);
  test.skip(channel === 404, 'the server has no live-update channel yet (GET /events answers 404)');
  await second.expectCount(before + 1);
});
