import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { rpcClient } from './fixtures/rpc';
import { ActionsPage } from './pages/actions-page';
import { AppShell } from './pages/app-shell';
import { CallPage } from './pages/call-page';
import { CallsPage } from './pages/calls-page';
import { SuggestTimesDialog } from './pages/suggest-times';
import { WelcomePage } from './pages/welcome-page';

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
  await new WelcomePage(page).loadSample();
  await new AppShell(page).goTo('Calls');
  const callsPage = new CallsPage(page);
  const main = callsPage.main;
  await expect(callsPage.heading).toBeVisible();
  // The sample forum comes with its own fortnightly series.
  await expect(main.getByText('BPF Gender and Access fortnightly call').first()).toBeVisible();

  // Plan the series.
  await callsPage.newSeriesButton.click();
  const form = callsPage.seriesForm;
  await form.title.fill('BPF Gender fortnightly call');
  await form.firstDate.fill('2027-03-03');
  await expect(form.everyWeeks).toHaveValue('2');
  await form.ends.selectOption('count');
  await form.numberOfCalls.fill('6');
  await form.duration.fill('60');
  await form.slotTime(1).fill('06:00');
  await form.pickZone(1, 'UTC', /^UTC \(UTC\)/);
  await form.addSlotButton.click();
  await form.slotTime(2).fill('15:00');
  await form.pickZone(2, 'UTC', /^UTC \(UTC\)/);
  await expect(form.dialog.getByText(/15:00 UTC, fixed in UTC/)).toBeVisible();
  await form.meetingLink.fill('https://meet.example.org/bpf-gender');
  await form.createButton.click();
  await expect(form.dialog).toBeHidden();

  // The series page: calls in UTC and in the user's zone, the heat map.
  await expect(callsPage.seriesHeading('BPF Gender fortnightly call')).toBeVisible();
  const calls = callsPage.calls;
  await expect(calls.getByRole('row')).toHaveCount(7);
  await expect(callsPage.callRow(1)).toContainText('Wed 3 Mar 2027, 06:00 UTC');
  await expect(callsPage.callRow(2)).toContainText('Wed 17 Mar 2027, 15:00 UTC');
  // The browser runs in Pacific/Chatham (UTC+13:45 in March): 06:00 UTC is 19:45 there.
  await expect(callsPage.callRow(1)).toContainText('19:45 Pacific/Chatham');
  const heat = callsPage.heatMap;
  await expect(heat).toBeVisible();
  await expect(heat.getByRole('rowheader', { name: /Europe \(\d+\)/ })).toBeVisible();
  await expect(heat.getByLabel(/^Europe at 06:00 UTC: burden [\d.]+$/)).toBeVisible();
  await expect(heat.getByRole('row')).toHaveCount(7);
  await expect(callsPage.slotTimes).toContainText('Slot 2: 15:00 UTC');

  // Suggest times: choose, see the heat map and each region's worst call, then Cancel: nothing changes.
  const slotList = callsPage.slotList;
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
  await callsPage.openCall(3);
  const call = new CallPage(page);
  await expect(call.heading).toHaveText('BPF Gender fortnightly call');
  await expect(main.getByText('Wed 31 Mar 2027, 06:00 UTC')).toBeVisible();
  await call.cancelCall();
  await expect(call.status('Cancelled')).toBeVisible();
  await callsPage.backButton.click();
  await expect(callsPage.callRow(3)).toContainText('Cancelled');
  await expect(callsPage.callRow(4)).toContainText('Scheduled');

  // Export the series calendar: the cancelled call is an EXDATE.
  await callsPage.exportCalendarButton.click();
  const dialog = callsPage.exportDialog;
  await dialog.audience.selectOption('participants');
  await expect(dialog.format).toHaveValue('ics');
  await expect(dialog.redacted).toBeVisible();
  const download = await dialog.save();
  expect(download.suggestedFilename()).toMatch(/series-calendar-participants-.*\.ics$/);
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('EXDATE:20270331T060000Z');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;COUNT=3;INTERVAL=4');
  expect(ics).toContain('DTSTART:20270317T150000Z');
  expect(ics.replace(/\r\n /g, '')).toContain('https://meet.example.org/bpf-gender');

  // Record attendance on the first call and see the counts.
  await callsPage.openCall(1);
  await call.tab('Attendance').click();
  for (const name of ['Abebe Tesfaye', 'Anneliese Gruber', 'Carlos Benítez', 'Eleni Papadopoulou'])
    await call.attendanceOf(name).selectOption('attended');
  await call.attendanceOf('Tariq Siddiqui').selectOption('apologies');
  const counts = call.attendanceCounts;
  await expect(counts).toContainText('Attended: 4');
  await expect(counts).toContainText('Apologies: 1');
  const byGroup = call.countsBy('Stakeholder group');
  await expect(byGroup.getByRole('row', { name: /Government/ })).toContainText('suppressed');
  await expect(byGroup.getByRole('row', { name: /Academia/ })).toContainText('<3');
  await expect(call.countsBy('Gender')).toContainText('<3');

  // Suggest times again and Accept: two slots on Tuesdays or Thursdays replace the rotation.
  await callsPage.backButton.click();
  await suggest.open();
  await suggest.choose(2, ['Tuesday', 'Thursday']);
  await suggest.show();
  await suggest.accept();
  await expect(slotList).not.toHaveText(slotsBefore);
  await expect(slotList.getByRole('listitem')).toHaveCount(2);
  await expect(callsPage.callRow(1)).toContainText(/(Tue|Thu) \d+ Mar 2027/);
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
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await shell.goTo('Calls');
  const callsPage = new CallsPage(page);
  const main = callsPage.main;
  await callsPage.newSeriesButton.click();
  const form = callsPage.seriesForm;
  await form.title.fill('Week loop call');
  await form.firstDate.fill('2026-11-04');
  await form.ends.selectOption('count');
  await form.numberOfCalls.fill('3');
  await form.duration.fill('90');
  await form.slotTime(1).fill('14:00');
  // The zone picker finds Geneva, which is not in any zone's name.
  const zoneInput = form.slotZone(1);
  await zoneInput.click();
  await zoneInput.fill('Geneva');
  await expect(form.zoneOption(/^Europe\/Zurich/)).toBeVisible();
  await form.pickZone(1, 'UTC', /^UTC \(UTC\)/);
  await form.reminder('1 day before').check();
  await form.reminder('1 hour before').check();
  await form.createButton.click();
  await expect(form.dialog).toBeHidden();
  await expect(callsPage.callRow(1)).toContainText('Needs minutes');

  // Attendance: everyone invited, two marked attended at once, then the Zoom report.
  await callsPage.openCall(1);
  const call = new CallPage(page);
  // The call's own page (its series table, with the same badge, may still be leaving).
  await expect(call.moveCallButton).toBeVisible();
  await expect(call.status('Needs minutes')).toHaveCount(1);
  await expect(call.status('Needs minutes')).toBeVisible();
  await call.tab('Attendance').click();
  await call.markAllInvitedButton.click();
  await expect(call.attendanceOf('Abebe Tesfaye')).toHaveValue('invited');
  await call.select('Abebe Tesfaye').check();
  await call.select('Anneliese Gruber').check();
  await call.markAttendedButton.click();
  await expect(call.attendanceOf('Anneliese Gruber')).toHaveValue('attended');
  await expect(call.status('Held')).toBeVisible();

  await call.importAttendanceButton.click();
  const imp = call.importAttendance;
  await imp.chooseFile('e2e/fixtures/attendance/zoom.csv');
  await expect(imp.dialog.getByText(/Zoom report: 3 attendees/)).toBeVisible();
  await imp.button('Add Amina Diallo as participant').click();
  await expect(imp.memberFor('Amina Diallo')).not.toHaveValue('');
  await imp.button('Ignore Late Visitor').click();
  await imp.button('Ignore José Ramírez (Jose R)').click();
  await imp.minimumMinutes.fill('10');
  await imp.recordButton.click();
  await expect(imp.dialog).toBeHidden();
  await expect(call.attendanceOf('Amina Diallo')).toHaveValue('attended');
  await expect(call.attendee('Amina Diallo')).toContainText('90 of 90');

  // An overdue action, completed from the Actions view.
  await call.tab('Action items').click();
  await call.actionText.fill('Circulate the survey');
  await call.actionDueDate.fill('2026-11-10');
  await call.addActionItemButton.click();
  await expect(call.actionItems).toContainText('Circulate the survey');

  // Minutes out, as an e-mail draft for the participants.
  await call.sendMinutesButton.click();
  const downloading = page.waitForEvent('download');
  await call.sendMinutesDialog.getByRole('button', { name: 'Save file' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/minutes-email-participants-.*\.eml$/);

  await shell.goTo('Actions');
  const actions = new ActionsPage(page);
  const row = actions.row('Circulate the survey');
  await expect(row).toContainText('Overdue');
  await actions.complete('Circulate the survey');
  await expect(actions.row('Circulate the survey')).toHaveCount(0);

  // Delete the test series, then Undo.
  await shell.goTo('Calls');
  await callsPage.seriesButton('Week loop call').click();
  await callsPage.deleteSeries();
  await expect(callsPage.heading).toBeVisible();
  await expect(main.getByText('Week loop call')).toHaveCount(0);
  await shell.undoButton.click();
  await expect(page.getByText('“Week loop call” is back.')).toBeVisible();
});

/**
 * An attendee of a meeting report who matches an excluded disruptive actor (by e-mail) is flagged
 * in the import dialog at once, and its link opens the incident. The incident and its actor are set
 * up through the RPC API: logging an incident is not what this test is about.
 */
test('an attendee who matches an excluded actor is flagged at once, with a link to the incident', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.open(page);
  await new WelcomePage(page).loadSample();
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  const rpc = rpcClient(page, app.url);
  const forum = await rpc<{ id: string }>('forums.current', {});
  const incident = await rpc<{ incident: { id: string } }>('incidents.create', {
    forumId: forum.id,
    occurredAt: Date.UTC(2026, 10, 20, 14, 0),
    channel: 'call',
    description: 'Joined the call under another name and threatened to publish home addresses.',
    newActors: [{ name: 'R. Troll', emails: ['Visitor@Example.net'], excluded: true }],
  });
  const incidentId = incident.incident.id;

  await new AppShell(page).goTo('Calls');
  const callsPage = new CallsPage(page);
  await callsPage.seriesButton('BPF Gender and Access fortnightly call').click();
  await callsPage.openCall(1);
  const call = new CallPage(page);
  await call.tab('Attendance').click();
  await call.importAttendanceButton.click();
  const imp = call.importAttendance;
  await imp.chooseFile('e2e/fixtures/attendance/zoom.csv');
  const flag = imp.dialog.getByRole('alert').filter({ hasText: 'Disruptive actor in the call' });
  await expect(flag).toHaveCount(1);
  await expect(flag).toContainText(
    'Late Visitor (visitor@example.net) matches the excluded disruptive actor R. Troll.',
  );
  await flag.getByRole('link', { name: 'Open the incident' }).click();
  await expect(page).toHaveURL(new RegExp(`#/safeguards/incidents/${incidentId}$`));
  await expect(page.getByRole('dialog', { name: 'Edit incident' })).toBeVisible();
});
