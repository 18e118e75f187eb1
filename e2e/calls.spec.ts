import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';

/**
 * A coordinator plans a fortnightly series rotating between 06:00 and 15:00 UTC, looks at who bears
 * which hours, asks for a suggestion, cancels one call, exports the series calendar (which holds
 * the EXDATE) and records attendance, with small counts shown as "<3".
 */
test('plan a fortnightly rotation, cancel a call, export the .ics and record attendance', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('button', { name: 'Calls' })
    .click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  // The sample forum comes with its own fortnightly series.
  await expect(main.getByText('BPF Gender and Access fortnightly call').first()).toBeVisible();

  // Plan the series.
  await main.getByRole('button', { name: 'New call series' }).click();
  const form = page.getByRole('dialog', { name: 'New call series' });
  await form.getByLabel('Title').fill('BPF Gender fortnightly call');
  await form.getByLabel('First date').fill('2027-03-03');
  await expect(form.getByLabel('Every (weeks)')).toHaveValue('2');
  await form.getByLabel('Ends').selectOption('count');
  await form.getByLabel('Number of calls').fill('6');
  await form.getByLabel('Duration (minutes)').fill('60');
  await form.getByLabel('Slot 1 time').fill('06:00');
  await form.getByLabel('Slot 1 fixed in').selectOption('UTC');
  await form.getByRole('button', { name: 'Add a slot to the rotation' }).click();
  await form.getByLabel('Slot 2 time').fill('15:00');
  await form.getByLabel('Slot 2 fixed in').selectOption('UTC');
  await expect(form.getByText(/15:00 UTC, fixed in UTC/)).toBeVisible();
  await form.getByLabel('Meeting link').fill('https://meet.example.org/bpf-gender');
  await form.getByRole('button', { name: 'Create series' }).click();
  await expect(form).toBeHidden();

  // The series page: calls in UTC and in the user's zone, the heat map.
  await expect(
    main.getByRole('heading', { level: 1, name: 'BPF Gender fortnightly call' }),
  ).toBeVisible();
  const calls = main.getByRole('table', { name: 'Calls of the series' });
  await expect(calls.getByRole('row')).toHaveCount(7);
  await expect(calls.getByRole('row').nth(1)).toContainText('Wed 3 Mar 2027, 06:00 UTC');
  await expect(calls.getByRole('row').nth(2)).toContainText('Wed 17 Mar 2027, 15:00 UTC');
  // The browser runs in Pacific/Chatham (UTC+13:45 in March): 06:00 UTC is 19:45 there.
  await expect(calls.getByRole('row').nth(1)).toContainText('19:45 Pacific/Chatham');
  const heat = main.getByRole('table', { name: 'Burden heat map' });
  await expect(heat).toBeVisible();
  await expect(heat.getByRole('rowheader', { name: /Europe \(\d+\)/ })).toBeVisible();
  await expect(heat.getByLabel(/^Europe at 06:00 UTC: burden [\d.]+$/)).toBeVisible();
  await expect(heat.getByRole('row')).toHaveCount(7);
  await expect(
    main.getByRole('table', { name: 'Local times and burden of each slot' }),
  ).toContainText('Slot 2: 15:00 UTC');

  // Suggest times.
  await main.getByRole('button', { name: 'Suggest times' }).click();
  const suggestion = main.getByRole('alert', { name: 'Suggested times' });
  await expect(suggestion).toContainText(/worst region’s average burden is [\d.]+/);
  await expect(suggestion.getByRole('button', { name: 'Accept suggestion' })).toBeVisible();
  await suggestion.getByRole('button', { name: 'Dismiss' }).click();

  // Cancel the third call.
  await calls.getByRole('button', { name: 'Open call 3' }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('BPF Gender fortnightly call');
  await expect(main.getByText('Wed 31 Mar 2027, 06:00 UTC')).toBeVisible();
  await main.getByRole('button', { name: 'Cancel call' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel this call?' });
  await confirm.getByRole('button', { name: 'Yes, cancel the call' }).click();
  await expect(main.getByText('Cancelled', { exact: true })).toBeVisible();
  await main.getByRole('button', { name: '← Back' }).click();
  await expect(calls.getByRole('row').nth(3)).toContainText('Cancelled');
  await expect(calls.getByRole('row').nth(4)).toContainText('Scheduled');

  // Export the series calendar: the cancelled call is an EXDATE.
  await main.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export series calendar' });
  await dialog.getByLabel('Audience').selectOption('participants');
  await expect(dialog.getByLabel('Format')).toHaveValue('ics');
  await expect(dialog.getByText(/\d+ items? redacted/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/series-calendar-participants-.*\.ics$/);
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('EXDATE:20270331T060000Z');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;COUNT=3;INTERVAL=4');
  expect(ics).toContain('DTSTART:20270317T150000Z');
  expect(ics.replace(/\r\n /g, '')).toContain('https://meet.example.org/bpf-gender');

  // Record attendance on the first call and see the counts.
  await calls.getByRole('button', { name: 'Open call 1' }).click();
  await main.getByRole('tab', { name: 'Attendance' }).click();
  for (const name of ['Abebe Tesfaye', 'Anneliese Gruber', 'Carlos Benítez', 'Eleni Papadopoulou'])
    await main.getByLabel(`Attendance of ${name}`).selectOption('attended');
  await main.getByLabel('Attendance of Tariq Siddiqui').selectOption('apologies');
  const counts = main.getByRole('region', { name: 'Attendance counts' });
  await expect(counts).toContainText('Attended: 4');
  await expect(counts).toContainText('Apologies: 1');
  const byGroup = counts.getByRole('table', { name: 'Stakeholder group' });
  await expect(byGroup.getByRole('row', { name: /Government/ })).toContainText('suppressed');
  await expect(byGroup.getByRole('row', { name: /Academia/ })).toContainText('<3');
  await expect(counts.getByRole('table', { name: 'Gender' })).toContainText('<3');
});
