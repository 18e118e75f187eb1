import { AppShell } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ForumForm, MoveMilestonesDialog } from './pages/forum-form';
import { errorLinks } from './pages/participant-form';
import { ParticipantsPage } from './pages/participants-page';
import { WelcomePage } from './pages/welcome-page';
import { expect, test } from './fixtures/app';

test('an empty participant form says every error at once, in a focused summary linking to each field', async ({
  page,
  app,
}) => {
  await app.open(page);
  await new WelcomePage(page).forumForm.create({ title: 'BPF Forms', year: 2026 });
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText('BPF Forms');
  await shell.goTo('Participants');
  const participants = new ParticipantsPage(page);
  await participants.addButton.click();
  const form = participants.addForm;
  await form.email.fill('not an address');
  await form.save();

  // Every error at once, in whole sentences naming the field, and the summary has focus.
  await expect(form.errorSummary).toBeVisible();
  await expect(form.errorSummary).toBeFocused();
  await expect(errorLinks(form.errorSummary)).toHaveText([
    'Full name is required.',
    'Email must be an e-mail address.',
    'Stakeholder group is required.',
  ]);
  // Each one also beside its field.
  await expect(form.fullName).toHaveAttribute('aria-invalid', 'true');
  await expect(form.fullName).toHaveAccessibleDescription(/Full name is required\./);
  await expect(form.email).toHaveAccessibleDescription(/Email must be an e-mail address\./);
  await expect(form.stakeholderGroup).toHaveAccessibleDescription(
    /Stakeholder group is required\./,
  );
  await expectNoSeriousA11yViolations(page, 'the participant form with errors', '[role="dialog"]');

  // A link focuses its field, inside the still open dialog.
  await errorLinks(form.errorSummary).filter({ hasText: 'Stakeholder group' }).click();
  await expect(form.stakeholderGroup).toBeFocused();
  await errorLinks(form.errorSummary).filter({ hasText: 'Full name' }).click();
  await expect(form.fullName).toBeFocused();

  // Fixing them saves the participant, and it is announced politely.
  await form.fill({
    fullName: 'Nomvula Dlamini',
    email: 'nomvula@example.org',
    stakeholderGroup: 'Civil society',
  });
  await form.save();
  await expect(participants.addDialog).toBeHidden();
  await participants.expectCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Participant added' })).toBeAttached();
});

test("a forum's milestones follow its year: proposed for it, moved after a confirmation, warned about outside it", async ({
  page,
  app,
}) => {
  await app.open(page);
  // A new forum's proposed milestones follow the year typed, without asking.
  const welcome = new WelcomePage(page);
  await welcome.forumForm.title.fill('BPF Next Year');
  await welcome.forumForm.year.fill('2027');
  await expect(welcome.forumForm.milestoneDate(1)).toHaveValue('2027-02-15');
  await welcome.forumForm.createButton.click();
  const shell = new AppShell(page);
  await expect(shell.pageHeading).toHaveText('BPF Next Year');
  // The next milestone is in the forum's year, never last December of the year before.
  await expect(shell.main.getByText('2027-02-15').first()).toBeVisible();
  await expect(shell.main.getByText('2026-12-20')).toHaveCount(0);

  // Moving the year of an existing forum asks first, then moves every milestone.
  await shell.main.getByRole('button', { name: 'Edit forum' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit forum' });
  const form = new ForumForm(dialog);
  await form.year.fill('2028');
  const move = new MoveMilestonesDialog(page);
  await expect(move.dialog).toBeVisible();
  await expect(move.dialog).toContainText('from 2027 to 2028');
  await move.moveButton.click();
  await expect(move.dialog).toBeHidden();
  await expect(form.milestoneDate(1)).toHaveValue('2028-02-15');
  await expect(form.milestoneDates.last()).toHaveValue('2028-12-20');

  // Keeping the dates leaves them, each warned about beside it.
  await form.year.fill('2029');
  await expect(move.dialog).toBeVisible();
  await move.keepButton.click();
  await expect(form.milestoneDate(1)).toHaveValue('2028-02-15');
  await expect(form.milestoneDate(1)).toHaveAccessibleDescription(
    /Outside the forum's year 2029\./,
  );
  await expectNoSeriousA11yViolations(page, 'the forum form with year warnings', '[role="dialog"]');

  // Back to 2028 (the dates' year): asks again; saving keeps the moved timeline.
  await form.year.fill('2028');
  await move.keepButton.click();
  await expect(form.milestoneDate(1)).not.toHaveAccessibleDescription(/Outside/);
  await form.saveButton.click();
  await expect(dialog).toBeHidden();
  await expect(shell.main.getByText('BPF Next Year')).toBeVisible();
  await expect(shell.main.getByText('2028-12-20')).toBeVisible();
  await expect(shell.main.getByText('2027-02-15')).toHaveCount(0);
});

test('a failed forum save keeps focus inside the dialog, on the summary', async ({ page, app }) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.newForumButton.click();
  const form = new ForumForm(shell.newForumDialog);
  await form.year.fill('');
  await form.createButton.click();
  await expect(form.errorSummary).toBeFocused();
  await expect(errorLinks(form.errorSummary)).toHaveText([
    'Title is required.',
    'Year is required.',
  ]);
  await expect(shell.newForumDialog).toBeVisible();
  await errorLinks(form.errorSummary).last().click();
  await expect(form.year).toBeFocused();
});
