import { AppShell } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { FormDialog } from './pages/form-dialog';
import { WelcomePage } from './pages/welcome-page';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';

/**
 * After a failed save: the summary has focus inside the still open dialog, lists every error in
 * whole sentences, each is also said beside its field, axe finds nothing serious in the dialog,
 * and a link focuses its field.
 */
async function expectErrorsSaid(
  page: Page,
  form: FormDialog,
  errors: { label: string; message: string }[],
): Promise<void> {
  await expect(form.errorSummary).toBeFocused();
  await expect(form.dialog).toBeVisible();
  await expect(form.errorLinks).toHaveText(errors.map((e) => e.message));
  for (const e of errors) {
    await expect(form.field(e.label)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.field(e.label)).toHaveAccessibleDescription(
      new RegExp(e.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
  }
  await expectNoSeriousA11yViolations(page, `the ${form.name} form with errors`, '[role="dialog"]');
  const last = errors[errors.length - 1];
  await form.errorLinks.filter({ hasText: last.message }).click();
  await expect(form.field(last.label)).toBeFocused();
}

test.beforeEach(async ({ page, app }) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
});

test('the NRI and session forms say every error at once, in a focused summary', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.goTo('NRIs');
  await shell.main.getByRole('button', { name: 'Add NRI' }).click();
  const nri = new FormDialog(page, 'Add NRI');
  await nri.textbox('Website').fill('forum.example.org');
  await nri.textbox('Contact e-mail').fill('not an address');
  await nri.button('Save NRI').click();
  await expectErrorsSaid(page, nri, [
    { label: 'Name', message: 'Name is required.' },
    {
      label: 'Website',
      message: 'Website must be a web address starting with https:// or http://.',
    },
    { label: 'Contact e-mail', message: 'Contact e-mail must be an e-mail address.' },
  ]);
  await nri.button('Cancel').click();
  await expect(nri.dialog).toBeHidden();

  await shell.main.getByRole('tab', { name: 'Onsite sessions' }).click();
  await shell.main.getByRole('button', { name: 'Plan session' }).click();
  const session = new FormDialog(page, 'Plan session');
  await session.button('Plan session').click();
  await expectErrorsSaid(page, session, [
    { label: 'Title', message: 'Title is required.' },
    { label: 'Date', message: 'Date is required.' },
    { label: 'Start time', message: 'Start time is required.' },
  ]);
  // Fixing a field takes its error away, beside it and in the summary.
  await session.textbox('Title').fill('Workshop at the regional IGF');
  await expect(session.textbox('Title')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(session.errorLinks).toHaveCount(2);

  // Planned: the notification's close button is named and its text meets contrast.
  await session.field('Date').fill('2026-09-14');
  await session.field('Start time').fill('10:00');
  await session.button('Plan session').click();
  await expect(session.dialog).toBeHidden();
  const notification = page
    .locator('.mantine-Notification-root')
    .filter({ hasText: 'Workshop at the regional IGF planned.' });
  await expect(notification).toBeVisible();
  await expect(notification.getByRole('button', { name: 'Close notification' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a notification', '.mantine-Notification-root');
  // It closes by itself after a few seconds (the close button was checked above).
  await expect(notification).toBeHidden({ timeout: 15_000 });
});

test('the contribution form says every error at once, in a focused summary', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goTo('Contributions');
  await shell.main.getByRole('button', { name: 'Add contribution' }).click();
  const form = new FormDialog(page, 'Add contribution');
  await form.textbox('Language').fill('x');
  await form.textbox('Links').fill('not-a-link');
  // Enter in a single-line field submits, as in every other form.
  await form.textbox('Language').press('Enter');
  await expectErrorsSaid(page, form, [
    { label: 'Title', message: 'Title is required.' },
    { label: 'Language', message: 'Language must be a language tag such as en or pt-BR.' },
    { label: 'Links', message: 'Links must be a web address (http or https).' },
  ]);
});

test('the incident and actor forms say every error at once; the two exclusion checkboxes have their own labels', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.goTo('Safeguards');
  await shell.main.getByRole('button', { name: 'Log incident' }).click();
  const incident = new FormDialog(page, 'Log incident');
  await incident.field('When').fill('');
  await incident.button('Save incident').click();
  await expectErrorsSaid(page, incident, [
    { label: 'When', message: 'When is required.' },
    { label: 'Where', message: 'Where is required.' },
    { label: 'Description', message: 'Description is required.' },
  ]);

  // The action and a new actor's flag were both "Excluded from the forum": each has its own label.
  await incident.button('Add a new actor').click();
  await expect(incident.checkbox("Excluded this incident's actors from the forum")).toHaveCount(1);
  await expect(incident.checkbox('This actor is excluded from the forum')).toHaveCount(1);
  await expect(incident.dialog.getByRole('checkbox', { name: /excluded/i })).toHaveCount(2);
  await incident.button('Cancel').click();
  await expect(incident.dialog).toBeHidden();

  await shell.main.getByRole('tab', { name: 'Disruptive actors' }).click();
  await shell.main.getByRole('button', { name: 'Add actor' }).click();
  const actor = new FormDialog(page, 'Add actor');
  await actor.button('Save actor').click();
  await expectErrorsSaid(page, actor, [
    { label: 'Actor name', message: 'Actor name is required.' },
  ]);
});
