import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { AppShell } from './pages/app-shell';
import { NrisPage } from './pages/nris-page';
import { WelcomePage } from './pages/welcome-page';

/**
 * A coordinator finds Brazil IGF in the pre-filled NRI directory, plans a session at LACIGF in the
 * venue's time zone (suggested from the venue's country), records who attended, and sees it in the
 * forum's list of onsite sessions. The browser runs in Pacific/Chatham and the server in
 * America/St_Johns: neither zone may leak into the venue's time.
 */
test('the NRI directory is pre-filled and a session at LACIGF is planned in the venue’s zone', async ({
  app,
  page,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  await new AppShell(page).goTo('NRIs');
  const nris = new NrisPage(page);
  const main = nris.main;
  await expect(nris.heading).toBeVisible();

  // The directory: searchable, with Brazil IGF and its website.
  await expect(nris.nri('Latin America and Caribbean IGF (LACIGF)')).toHaveCount(1);
  await nris.search.fill('brazil');
  const brazil = nris.nri('Brazil IGF');
  await expect(brazil.first()).toBeVisible();
  await expect(brazil.first()).toContainText('forumdainternet.cgi.br');
  await expect(nris.nri('EuroDIG')).toHaveCount(0);

  // Onsite sessions: the sample forum already held three.
  await nris.sessionsTab.click();
  await expect(
    main.getByText('BPF Gender and Access workshop at the Brazilian Internet Forum'),
  ).toBeVisible();
  await nris.planSessionButton.click();
  const form = nris.sessionForm;
  await form.nri.selectOption({ label: 'Latin America and Caribbean IGF (LACIGF)' });
  await form.title.fill('Gender and access: local practices');
  await form.date.fill('2026-08-05');
  await form.startTime.fill('10:00');
  // LACIGF is regional: the venue's country suggests the zone.
  await form.venueCountry.selectOption({ label: 'Uruguay' });
  await expect(form.timeZone).toHaveValue('America/Montevideo');
  await expect(form.dialog.getByText(/in the venue's time zone/i)).toBeVisible();
  await form.duration.fill('90');
  await form.venue.fill('Sala 3');
  await form.format.selectOption({ label: 'Roundtable' });
  await form.localHosts.fill('LACIGF programme committee');
  await form.outcomes.fill('- Community networks in rural areas');
  await form.planButton.click();
  await expect(form.dialog).toBeHidden();

  // It is in the list, at 10:00 venue time = 13:00 UTC.
  const row = nris.session('Gender and access: local practices');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('LACIGF');
  await expect(row).toContainText('10:00 America/Montevideo (UTC−03:00)');
  await expect(row).toContainText('13:00');
  await expect(row).toContainText('Roundtable');

  // The session's page: outcomes rendered, attendance recorded.
  await nris.openSession('Gender and access: local practices');
  await expect(nris.sessionHeading('Gender and access: local practices')).toBeVisible();
  await expect(nris.outcomes.getByRole('listitem')).toHaveText('Community networks in rural areas');
  const attendance = nris.attendance;
  await expect(attendance.region.getByText('No attendance recorded yet.')).toBeVisible();
  await attendance.find.fill('Ana Beatriz');
  // Ticking a match records them as attended (saved at once).
  const pick = attendance.match(/Ana Beatriz Lima/);
  await pick.click();
  await expect(pick).toBeChecked();
  await expect(attendance.entry(/Ana Beatriz Lima/)).toBeVisible();
  await attendance.attendanceOf('Ana Beatriz Lima').selectOption('apologies');
  await expect(attendance.attendanceOf('Ana Beatriz Lima')).toHaveValue('apologies');

  // The session's calendar, for the public, in the venue's zone with its VTIMEZONE.
  await nris.exportCalendarButton.click();
  const exportDialog = nris.exportDialog;
  await exportDialog.audience.selectOption('public');
  await expect(exportDialog.dialog.getByText(/1 entry/)).toBeVisible();
  const download = await exportDialog.save();
  expect(download.suggestedFilename()).toMatch(/session-calendar-public-.*\.ics$/);
  const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n[ \t]/g, '');
  expect(ics).toContain('DTSTART;TZID=America/Montevideo:20260805T100000');
  expect(ics).toContain('TZID:America/Montevideo');
  expect(ics).toContain('SUMMARY:Gender and access: local practices');
  expect(ics).not.toContain('Ana Beatriz');

  await nris.backButton.click();
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').last()).toHaveText('0');
});

/** Removing a session asks first, and the notice's Undo brings it back from the trash. */
test('removing an onsite session asks for confirmation and "Undo" brings it back', async ({
  app,
  page,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.goTo('NRIs');
  const nris = new NrisPage(page);
  await nris.sessionsTab.click();
  const title = 'BPF Gender and Access workshop at the Brazilian Internet Forum';
  const sessions = nris.sessions;
  const row = nris.session(title);
  await expect(row).toHaveCount(1);
  const before = await sessions.getByRole('row').count();

  // "Keep it" removes nothing.
  await nris.openSession(title);
  await expect(nris.sessionHeading(title)).toBeVisible();
  await nris.removeSessionButton.click();
  const confirm = nris.removeDialog;
  await expect(confirm).toContainText('You can undo this for a day.');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await expect(nris.sessionHeading(title)).toBeVisible();

  // Confirmed: back to the list without it, then Undo.
  await nris.removeSessionButton.click();
  await confirm.getByRole('button', { name: 'Remove session' }).click();
  await expect(page.getByText(`“${title}” was deleted.`)).toBeVisible();
  await expect(sessions).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(sessions.getByRole('row')).toHaveCount(before - 1);
  await shell.undoButton.click();
  await expect(page.getByText(`“${title}” is back.`)).toBeVisible();
  await expect(row).toHaveCount(1);
  await expect(sessions.getByRole('row')).toHaveCount(before);
});
