import { readFileSync } from 'node:fs';
import { AppShell } from './pages/app-shell';
import { ForumForm } from './pages/forum-form';
import { ParticipantsPage } from './pages/participants-page';
import { WelcomePage } from './pages/welcome-page';
import { expect, test } from './fixtures/app';

const SAMPLE_TITLE = 'BPF Gender and Access (sample)';
const sample = JSON.parse(
  readFileSync(new URL('../resources/sample-forum.json', import.meta.url), 'utf8'),
) as { forum: { year: number }; participants: { fullName: string; organisation: string }[] };

test('an empty database offers the sample forum, which opens with its participants', async ({
  page,
  app,
}) => {
  await app.open(page);
  const welcome = new WelcomePage(page);
  await expect(welcome.heading).toBeVisible();
  await expect(welcome.sampleOffer).toBeVisible();
  await expect(page.getByText(SAMPLE_TITLE)).toBeVisible();

  await welcome.loadSample();

  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE);
  await expect(shell.forumSelect).toHaveValue(/.+/);
  await expect(shell.forumSelect.locator('option:checked')).toHaveText(
    `${SAMPLE_TITLE} (${sample.forum.year})`,
  );

  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await expect(participants.heading).toBeVisible();
  expect(sample.participants.length).toBeGreaterThanOrEqual(50);
  await participants.expectCount(sample.participants.length);
  // The first rows of the list (sorted by name) are on screen.
  const first = [...sample.participants].sort((a, b) =>
    a.fullName.localeCompare(b.fullName, 'en', { sensitivity: 'base' }),
  )[0];
  await expect(participants.row(first.fullName)).toBeVisible();
  await expect(participants.rows.first()).toBeVisible();
  expect(await participants.rows.count()).toBeGreaterThan(5);
  await page.screenshot({ path: 'test-results/screenshots/sample-participant-list.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: 'test-results/screenshots/sample-participant-list-1024.png' });
});

test('a second forum can be created and the "Forum" select switches between them', async ({
  page,
  app,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE);

  await shell.createForum({
    title: 'BPF Cybersecurity',
    topic: 'Norms and capacity building',
    year: 2027,
    mandate: 'Collects practices on applying cyber norms.',
  });
  await expect(shell.newForumDialog).toBeHidden();
  await expect(shell.pageHeading).toHaveText('BPF Cybersecurity');
  await expect(shell.main.getByText('Norms and capacity building · 2027')).toBeVisible();
  await expect(shell.main.getByText('Collects practices on applying cyber norms.')).toBeVisible();
  // Forums are listed newest year first.
  await expect(shell.forumSelect.locator('option')).toHaveText([
    'BPF Cybersecurity (2027)',
    `${SAMPLE_TITLE} (${sample.forum.year})`,
  ]);

  // The new forum has nobody yet.
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.expectCount(0);
  await expect(page.getByText('No participants yet.')).toBeVisible();

  await shell.switchForum(SAMPLE_TITLE, sample.forum.year);
  await participants.expectCount(sample.participants.length);

  await shell.switchForum('BPF Cybersecurity', 2027);
  await participants.expectCount(0);
  await shell.goTo('Overview');
  await expect(shell.pageHeading).toHaveText('BPF Cybersecurity');
});

test('after a restart the last forum used opens again', async ({ page, app }) => {
  await app.open(page);
  await new WelcomePage(page).forumForm.create({ title: 'BPF Local Content', year: 2026 });
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText('BPF Local Content');
  await shell.createForum({ title: 'BPF Cybersecurity', year: 2026 });
  await expect(shell.pageHeading).toHaveText('BPF Cybersecurity');
  await shell.switchForum('BPF Local Content', 2026);
  await expect(shell.pageHeading).toHaveText('BPF Local Content');

  await app.restart();
  await app.open(page);
  await expect(shell.pageHeading).toHaveText('BPF Local Content');
  await expect(shell.forumSelect.locator('option:checked')).toHaveText('BPF Local Content (2026)');

  await shell.switchForum('BPF Cybersecurity', 2026);
  await expect(shell.pageHeading).toHaveText('BPF Cybersecurity');
  await app.restart();
  await app.open(page);
  await expect(shell.pageHeading).toHaveText('BPF Cybersecurity');
});

test('an invalid year shows an error beside the Year field and creates nothing', async ({
  page,
  app,
}) => {
  await app.open(page);
  const welcome = new WelcomePage(page);
  const form = welcome.forumForm;
  await form.fill({ title: 'BPF Too Early', year: '' });
  await form.createButton.click();
  await expect(form.year).toHaveAttribute('aria-invalid', 'true');
  await expect(form.year).toHaveAccessibleDescription(/.+/);
  await expect(form.title).not.toHaveAttribute('aria-invalid', 'true');
  await expect(welcome.heading).toBeVisible();

  // A year before the first IGF, submitted from the keyboard.
  await form.year.fill('1999');
  await form.year.press('Enter');
  await expect(form.year).toHaveAttribute('aria-invalid', 'true');
  await expect(form.year).toHaveAccessibleDescription(/2006/);

  // Fixing it creates the forum.
  await form.year.fill('2026');
  await form.createButton.click();
  await expect(new AppShell(page).pageHeading).toHaveText('BPF Too Early');
});

test('the forum form is the same in the "New forum" dialog', async ({ page, app }) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.newForumButton.click();
  const form = new ForumForm(shell.newForumDialog);
  await form.fill({ title: 'BPF Later', year: '' });
  await form.createButton.click();
  await expect(form.year).toHaveAttribute('aria-invalid', 'true');
  await expect(shell.newForumDialog).toBeVisible();
  await expect(shell.forumSelect.locator('option')).toHaveCount(1);
});
