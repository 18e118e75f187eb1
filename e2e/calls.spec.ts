import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { SuggestTimesDialog } from './pages/suggest-times';

/** Picks a zone in the searchable time-zone picker by typing part of it, as a user would. */
async function pickZone(scope: Locator, label: string, query: string, option: RegExp) {
  const input = scope.getByLabel(label, { exact: true }).and(scope.locator('input'));
  await input.click();
  await input.fill(query);
  await scope.page().getByRole('option', { name: option }).first().click();
}

/**
 * A coordinator plans a fortnightly series rotating between 06:00 and 15:00 UTC, looks at who bears
 * which hours, asks for a suggestion, cancels one call, exports the series calendar (which holds
 * the EXDATE) and records attendance, with small counts shown as "<3".
 */
test('plan a fortnightly rotation, cancel a call, export the .ics and record attendance', async ({
  app,
  page,
}) => {
  // A long walk through the UI on a loaded two-core machine: more than the default minute.
  test.setTimeout(150_000);
  await app.open(page);
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Calls' })
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
  await pickZone(form, 'Slot 1 fixed in', 'UTC', /^UTC \(UTC\)/);
  await form.getByRole('button', { name: 'Add a slot to the rotation' }).click();
  await form.getByLabel('Slot 2 time').fill('15:00');
  await pickZone(form, 'Slot 2 fixed in', 'UTC', /^UTC \(UTC\)/);
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

  // Suggest times: choose, see the heat map and each region's worst call, then Cancel: nothing changes.
  const slotList = main.getByRole('list').filter({ hasText: 'Slot 1:' });
  const slotsBefore = (await slotList.textContent()) ?? '';
  const suggest = new SuggestTimesDialog(page);
  await suggest.open();
  await expect(suggest.dialog.getByRole('button', { name: 'Accept' })).toBeDisabled();
  await suggest.choose(2, ['Tuesday', 'Thursday']);
  await suggest.show();
  await expect(suggest.worstCalls.getByRole('rowheader', { name: 'Europe' })).toBeVisible();
  await expect(suggest.worstCalls).toContainText(/(Tue|Wed|Thu|Fri) \d\d:\d\d/);
  await expect(suggest.worstCalls).toContainText(/Within 08:00–20:00|before 08:00|after 20:00/);
  await expect(suggest.dialog).toContainText(/^.*(Tuesday|Thursday)s:/);
  await suggest.expectAccessible();
  await suggest.cancel();
  await expect(slotList).toHaveText(slotsBefore);

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

  // Suggest times again and Accept: two slots on Tuesdays or Thursdays replace the rotation.
  await main.getByRole('button', { name: '← Back' }).click();
  await suggest.open();
  await suggest.choose(2, ['Tuesday', 'Thursday']);
  await suggest.show();
  await suggest.accept();
  await expect(slotList).not.toHaveText(slotsBefore);
  await expect(slotList.getByRole('listitem')).toHaveCount(2);
  await expect(calls.getByRole('row').nth(1)).toContainText(/(Tue|Thu) \d+ Mar 2027/);
});

/**
 * The weekly loop: a past call needs minutes; attendance is marked in bulk and imported from a
 * Zoom report (an unknown attendee added, another ignored), so the call shows "held"; an overdue
 * action appears in "Actions" and is completed; minutes go out as an e-mail draft; a test series
 * is deleted and brought back with Undo.
 */
test('close the week: needs minutes, bulk and imported attendance, actions, minutes, delete and undo', async ({
  app,
  page,
}) => {
  // A long walk through the UI on a loaded two-core machine: more than the default minute.
  test.setTimeout(150_000);
  await app.open(page);
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await nav.getByRole('link', { name: 'Calls' }).click();
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'New call series' }).click();
  const form = page.getByRole('dialog', { name: 'New call series' });
  await form.getByLabel('Title').fill('Week loop call');
  await form.getByLabel('First date').fill('2026-11-04');
  await form.getByLabel('Ends').selectOption('count');
  await form.getByLabel('Number of calls').fill('3');
  await form.getByLabel('Duration (minutes)').fill('90');
  await form.getByLabel('Slot 1 time').fill('14:00');
  // The zone picker finds Geneva, which is not in any zone's name.
  const zoneInput = form.getByLabel('Slot 1 fixed in', { exact: true }).and(form.locator('input'));
  await zoneInput.click();
  await zoneInput.fill('Geneva');
  await expect(page.getByRole('option', { name: /^Europe\/Zurich/ })).toBeVisible();
  await pickZone(form, 'Slot 1 fixed in', 'UTC', /^UTC \(UTC\)/);
  await form.getByLabel('1 day before').check();
  await form.getByLabel('1 hour before').check();
  await form.getByRole('button', { name: 'Create series' }).click();
  await expect(form).toBeHidden();
  const calls = main.getByRole('table', { name: 'Calls of the series' });
  await expect(calls.getByRole('row').nth(1)).toContainText('Needs minutes');

  // Attendance: everyone invited, two marked attended at once, then the Zoom report.
  await calls.getByRole('button', { name: 'Open call 1' }).click();
  // The call's own page (its series table, with the same badge, may still be leaving).
  await expect(main.getByRole('button', { name: 'Move call' })).toBeVisible();
  await expect(main.getByText('Needs minutes', { exact: true })).toHaveCount(1);
  await expect(main.getByText('Needs minutes', { exact: true })).toBeVisible();
  await main.getByRole('tab', { name: 'Attendance' }).click();
  await main.getByRole('button', { name: 'Mark all invited' }).click();
  await expect(main.getByLabel('Attendance of Abebe Tesfaye')).toHaveValue('invited');
  await main.getByLabel('Select Abebe Tesfaye').check();
  await main.getByLabel('Select Anneliese Gruber').check();
  await main.getByRole('button', { name: 'Mark attended' }).click();
  await expect(main.getByLabel('Attendance of Anneliese Gruber')).toHaveValue('attended');
  await expect(main.getByText('Held', { exact: true })).toBeVisible();

  await main.getByRole('button', { name: 'Import attendance report' }).click();
  const imp = page.getByRole('dialog', { name: 'Import attendance report' });
  const choosing = page.waitForEvent('filechooser');
  await imp.getByLabel(/Participant report/).click();
  await (await choosing).setFiles('e2e/fixtures/attendance/zoom.csv');
  await expect(imp.getByText(/Zoom report: 3 attendees/)).toBeVisible();
  await imp.getByRole('button', { name: 'Add Amina Diallo as participant' }).click();
  await expect(imp.getByLabel('Member for Amina Diallo')).not.toHaveValue('');
  await imp.getByRole('button', { name: 'Ignore Late Visitor' }).click();
  await imp.getByRole('button', { name: 'Ignore José Ramírez (Jose R)' }).click();
  await imp.getByLabel('Minimum minutes to count as attended').fill('10');
  await imp.getByRole('button', { name: 'Record attendance' }).click();
  await expect(imp).toBeHidden();
  await expect(main.getByLabel('Attendance of Amina Diallo')).toHaveValue('attended');
  await expect(main.getByRole('row', { name: /Amina Diallo/ })).toContainText('90 of 90');

  // An overdue action, completed from the Actions view.
  await main.getByRole('tab', { name: 'Action items' }).click();
  await main.getByLabel('Action', { exact: true }).fill('Circulate the survey');
  await main.getByLabel('Due date').fill('2026-11-10');
  await main.getByRole('button', { name: 'Add action item' }).click();
  await expect(main.getByRole('table', { name: 'Action items' })).toContainText(
    'Circulate the survey',
  );

  // Minutes out, as an e-mail draft for the participants.
  await main.getByRole('button', { name: 'Send minutes' }).click();
  const send = page.getByRole('dialog', { name: 'Send minutes (e-mail draft)' });
  const downloading = page.waitForEvent('download');
  await send.getByRole('button', { name: 'Save file' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/minutes-email-participants-.*\.eml$/);

  await nav.getByRole('link', { name: 'Actions' }).click();
  const actions = main.getByRole('table', { name: 'Action items' });
  const row = actions.getByRole('row', { name: /Circulate the survey/ });
  await expect(row).toContainText('Overdue');
  await row.getByRole('button', { name: 'Complete Circulate the survey' }).click();
  await expect(actions.getByRole('row', { name: /Circulate the survey/ })).toHaveCount(0);

  // Delete the test series, then Undo.
  await nav.getByRole('link', { name: 'Calls' }).click();
  await main.getByRole('button', { name: 'Open Week loop call' }).click();
  await main.getByRole('button', { name: 'Delete series' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this call series?' })
    .getByRole('button', { name: 'Delete series' })
    .click();
  await expect(main.getByRole('heading', { level: 1, name: 'Calls' })).toBeVisible();
  await expect(main.getByText('Week loop call')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('“Week loop call” is back.')).toBeVisible();
});
