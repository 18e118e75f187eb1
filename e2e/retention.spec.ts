import { expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { DataPage } from './pages/data-page';
import { OverviewPage } from './pages/overview-page';
import { ParticipantsPage } from './pages/participants-page';
import { WelcomePage } from './pages/welcome-page';

test('once retention is due, the overview offers it; after the title is typed, names become pseudonyms', async ({
  page,
  app,
}) => {
  await app.open(page);
  // Last year's forum: its proposed timeline ends with the final report on 2025-12-20.
  await new WelcomePage(page).forumForm.create({ title: 'BPF Past Year', year: 2025 });
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText('BPF Past Year');
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.addParticipant({
    fullName: 'Wanjiru Kamau',
    email: 'wanjiru@example.org',
    stakeholderGroup: 'Civil society',
  });
  await participants.expectCount(1);
  await expect(participants.row('Wanjiru Kamau')).toBeVisible();

  // No banner while retention is off.
  await shell.goTo('Overview');
  const overview = new OverviewPage(page);
  const banner = overview.retentionBanner;
  await expect(overview.nextMilestone).toBeVisible();
  await expect(banner).toHaveCount(0);

  // One month after the final report: due since 2026-01-20.
  const data = new DataPage(page);
  await data.open();
  await data.retention.check();
  await data.retentionMonths.fill('1');
  await data.saveRetentionButton.click();
  await expect(
    page.getByText('Final report milestone: 2025-12-20. Due on 2026-01-20.'),
  ).toBeVisible();

  await shell.goTo('Overview');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('that time came on 2026-01-20');
  await overview.openDeleteData();
  const confirm = overview.deleteDataDialog;
  // A wrong title is refused, and nothing changes.
  await overview.confirmTitle.fill('BPF Past');
  await overview.replaceButton.click();
  await expect(confirm.getByRole('link').first()).toBeVisible();
  await expect(confirm).toBeVisible();
  await overview.confirmTitle.fill('BPF Past Year');
  await overview.replaceButton.click();
  await expect(page.getByText('1 participants now appear by their pseudonyms.')).toBeVisible();
  await expect(confirm).toBeHidden();
  await expect(banner).toHaveCount(0);

  // The registry shows the pseudonym, not the name; the setting says it was applied.
  await shell.goTo('Participants');
  await participants.expectCount(1);
  await expect(participants.table).not.toContainText('Wanjiru');
  await expect(participants.table).toContainText(/Participant [A-Z0-9]+/);
  await data.open();
  await expect(
    page.getByText(/^Personal data was replaced by pseudonyms on \d{4}-\d{2}-\d{2}\.$/),
  ).toBeVisible();
});
