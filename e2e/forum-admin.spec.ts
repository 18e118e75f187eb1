import { AppShell } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ForumAdmin } from './pages/forum-admin';
import { WelcomePage } from './pages/welcome-page';
import { expect, test } from './fixtures/app';

const SAMPLE_TITLE = 'BPF Gender and Access (sample)';

test('archive hides a forum and makes it read-only; unarchive; delete after typing the title; the sample loads next to another forum', async ({
  page,
  app,
}) => {
  await app.open(page);
  const shell = new AppShell(page);
  const admin = new ForumAdmin(page);
  await new WelcomePage(page).loadSample();
  await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE);

  // A second forum, then the sample again next to it (not only from the welcome page).
  await shell.createForum({ title: 'BPF Cybersecurity', year: 2026 });
  await expect(shell.pageHeading).toHaveText('BPF Cybersecurity');
  await admin.loadSampleButton.click();
  await expect(shell.pageHeading).toHaveText(SAMPLE_TITLE);
  await expect(shell.forumSelect.locator('option')).toHaveCount(3);

  // Archive the open sample: read-only banner, edit disabled, hidden once another forum is open.
  await admin.archiveButton.click();
  await expect(admin.archivedBanner).toBeVisible();
  await expect(admin.editForumButton).toBeDisabled();
  await expect(admin.unarchiveButton).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'an archived forum’s Overview');
  await shell.switchForum('BPF Cybersecurity', 2026);
  await expect(shell.pageHeading).toHaveText('BPF Cybersecurity');
  await expect(admin.archivedBanner).toBeHidden();
  await expect(shell.forumSelect.locator('option')).toHaveCount(2);
  await admin.showArchived.check();
  await expect(shell.forumSelect.locator('option')).toHaveCount(3);
  await expect(shell.forumSelect.locator('option', { hasText: '· archived' })).toHaveCount(1);

  // Unarchive it again.
  await shell.forumSelect.selectOption({ label: `${SAMPLE_TITLE} (2026) · archived` });
  await expect(admin.archivedBanner).toBeVisible();
  await admin.unarchiveButton.click();
  await expect(admin.archivedBanner).toBeHidden();
  await expect(admin.editForumButton).toBeEnabled();

  // Delete: the button stays disabled until the title is typed exactly.
  await admin.deleteButton.click();
  await expect(admin.deleteDialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the delete-forum dialog', '[role="dialog"]');
  await admin.confirmTitle.fill('BPF Gender');
  await expect(admin.confirmDelete).toBeDisabled();
  await admin.confirmTitle.fill(SAMPLE_TITLE);
  await admin.confirmDelete.click();
  await expect(admin.deleteDialog).toBeHidden();
  await expect(shell.forumSelect.locator('option')).toHaveCount(2);
  await expect(shell.pageHeading).not.toHaveText('');
});
