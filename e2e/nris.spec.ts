import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';

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
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'NRIs', exact: true })
    .click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'NRIs' })).toBeVisible();

  // The directory: searchable, with Brazil IGF and its website.
  const directory = main.getByRole('table', { name: 'NRIs' });
  await expect(
    directory.getByRole('row').filter({ hasText: 'Latin America and Caribbean IGF (LACIGF)' }),
  ).toHaveCount(1);
  await main.getByRole('searchbox', { name: 'Search NRIs' }).fill('brazil');
  const brazil = directory.getByRole('row').filter({ hasText: 'Brazil IGF' });
  await expect(brazil.first()).toBeVisible();
  await expect(brazil.first()).toContainText('forumdainternet.cgi.br');
  await expect(directory.getByRole('row').filter({ hasText: 'EuroDIG' })).toHaveCount(0);

  // Onsite sessions: the sample forum already held three.
  await main.getByRole('tab', { name: 'Onsite sessions' }).click();
  await expect(
    main.getByText('BPF Gender and Access workshop at the Brazilian Internet Forum'),
  ).toBeVisible();
  await main.getByRole('button', { name: 'Plan session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan session' });
  await dialog
    .getByLabel('NRI')
    .selectOption({ label: 'Latin America and Caribbean IGF (LACIGF)' });
  await dialog
    .getByRole('textbox', { name: 'Title', exact: true })
    .fill('Gender and access: local practices');
  await dialog.getByLabel('Date').fill('2026-08-05');
  await dialog.getByLabel('Start time').fill('10:00');
  // LACIGF is regional: the venue's country suggests the zone.
  await dialog.getByLabel('Venue country').selectOption({ label: 'Uruguay' });
  await expect(dialog.getByLabel('Time zone')).toHaveValue('America/Montevideo');
  await expect(dialog.getByText(/in the venue's time zone/i)).toBeVisible();
  await dialog.getByLabel('Duration (minutes)').fill('90');
  await dialog.getByRole('textbox', { name: 'Venue', exact: true }).fill('Sala 3');
  await dialog.getByLabel('Format').selectOption({ label: 'Roundtable' });
  await dialog.getByLabel('Local hosts').fill('LACIGF programme committee');
  await dialog
    .getByRole('textbox', { name: 'Outcomes', exact: true })
    .fill('- Community networks in rural areas');
  await dialog.getByRole('button', { name: 'Plan session' }).click();
  await expect(dialog).toBeHidden();

  // It is in the list, at 10:00 venue time = 13:00 UTC.
  const sessions = main.getByRole('table', { name: 'Onsite sessions' });
  const row = sessions.getByRole('row').filter({ hasText: 'Gender and access: local practices' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('LACIGF');
  await expect(row).toContainText('10:00 America/Montevideo (UTC−03:00)');
  await expect(row).toContainText('13:00');
  await expect(row).toContainText('Roundtable');

  // The session's page: outcomes rendered, attendance recorded.
  await row.getByRole('button', { name: 'Gender and access: local practices' }).click();
  await expect(
    main.getByRole('heading', { name: 'Gender and access: local practices' }),
  ).toBeVisible();
  await expect(main.getByRole('region', { name: 'Outcomes' }).getByRole('listitem')).toHaveText(
    'Community networks in rural areas',
  );
  const attendance = main.getByRole('region', { name: 'Attendance' });
  await expect(attendance.getByText('No attendance recorded yet.')).toBeVisible();
  await attendance.getByRole('searchbox', { name: 'Find participant' }).fill('Ana Beatriz');
  // Ticking a match records them as attended (saved at once).
  const pick = attendance.getByRole('checkbox', { name: /Ana Beatriz Lima/ });
  await pick.click();
  await expect(pick).toBeChecked();
  const entry = attendance.getByRole('table', { name: 'Attendance' }).getByRole('row', {
    name: /Ana Beatriz Lima/,
  });
  await expect(entry).toBeVisible();
  await attendance.getByLabel('Attendance of Ana Beatriz Lima').selectOption('apologies');
  await expect(attendance.getByLabel('Attendance of Ana Beatriz Lima')).toHaveValue('apologies');

  // The session's calendar, for the public, in the venue's zone with its VTIMEZONE.
  await main.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export session calendar' });
  await exportDialog.getByLabel('Audience').selectOption('public');
  await expect(exportDialog.getByText(/1 entry/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Save file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/session-calendar-public-.*\.ics$/);
  const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n[ \t]/g, '');
  expect(ics).toContain('DTSTART;TZID=America/Montevideo:20260805T100000');
  expect(ics).toContain('TZID:America/Montevideo');
  expect(ics).toContain('SUMMARY:Gender and access: local practices');
  expect(ics).not.toContain('Ana Beatriz');

  await main.getByRole('button', { name: /Back to sessions/ }).click();
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').last()).toHaveText('0');
});

/** Removing a session asks first, and the notice's Undo brings it back from the trash. */
test('removing an onsite session asks for confirmation and "Undo" brings it back', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'NRIs', exact: true })
    .click();
  const main = page.getByRole('main');
  await main.getByRole('tab', { name: 'Onsite sessions' }).click();
  const title = 'BPF Gender and Access workshop at the Brazilian Internet Forum';
  const sessions = main.getByRole('table', { name: 'Onsite sessions' });
  const row = sessions.getByRole('row').filter({ hasText: title });
  await expect(row).toHaveCount(1);
  const before = await sessions.getByRole('row').count();

  // "Keep it" removes nothing.
  await row.getByRole('button', { name: title }).click();
  await expect(main.getByRole('heading', { name: title })).toBeVisible();
  await main.getByRole('button', { name: 'Remove session' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this session?' });
  await expect(confirm).toContainText('You can undo this for a day.');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await expect(main.getByRole('heading', { name: title })).toBeVisible();

  // Confirmed: back to the list without it, then Undo.
  await main.getByRole('button', { name: 'Remove session' }).click();
  await confirm.getByRole('button', { name: 'Remove session' }).click();
  await expect(page.getByText(`“${title}” was deleted.`)).toBeVisible();
  await expect(sessions).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(sessions.getByRole('row')).toHaveCount(before - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(`“${title}” is back.`)).toBeVisible();
  await expect(row).toHaveCount(1);
  await expect(sessions.getByRole('row')).toHaveCount(before);
});
