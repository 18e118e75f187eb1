import { expect, test } from './fixtures/app';
import { rpcClient } from './fixtures/rpc';
import { AppShell } from './pages/app-shell';
import { ParticipantsPage } from './pages/participants-page';
import { RepresentationPage } from './pages/representation-page';
import { WelcomePage } from './pages/welcome-page';

/**
 * On the sample forum (about a third of its members are from the private sector), a call where
 * the private sector dominates attendance is recorded through the RPC API (as a fixture); the
 * Representation dashboard then shows a dominance alert for the private sector, the charts
 * appear with their accessible names, the alert's suggestions open a participant, and the public
 * preview shows suppressed figures only.
 */
test('the representation dashboard warns of private-sector dominance and draws the charts', async ({
  app,
  page,
}) => {
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.navigation).toBeVisible();

  const rpc = rpcClient(page, app.url);
  const forum = (await rpc('forums.current', {})) as { id: string };
  const series = (await rpc('callSeries.create', {
    forumId: forum.id,
    title: 'Extra planning call',
    firstDate: '2026-01-20',
    occurrenceCount: 1,
    slots: [{ time: '14:00', zone: 'UTC' }],
  })) as { calls: { id: string }[] };
  const members = (await rpc('participants.list', { forumId: forum.id, limit: 500 })) as {
    rows: { id: string; stakeholderGroup: string }[];
  };
  const privateSector = members.rows.filter((m) => m.stakeholderGroup === 'private_sector');
  const others = members.rows.filter((m) => m.stakeholderGroup !== 'private_sector');
  for (const m of [...privateSector.slice(0, 12), ...others.slice(0, 3)])
    await rpc('calls.setAttendance', {
      id: series.calls[0].id,
      participantId: m.id,
      status: 'attended',
    });

  await shell.goTo('Representation');
  const representation = new RepresentationPage(page);
  const main = representation.main;
  await expect(representation.heading).toBeVisible();

  // The charts, with accessible names that carry their values.
  await representation.phase.selectOption('calls');
  const bars = representation.chart(/Virtual calls by stakeholder group: .*Private sector \d+/);
  await expect(bars).toBeVisible();
  await expect(representation.chart(/Attendance over the calls of the year/)).toBeVisible();

  // The dominance alert, with who to invite.
  await representation.alertsTab.click();
  const dominance = representation.alert(/Private sector holds \d+% of virtual calls/);
  await expect(dominance).toBeVisible();
  await expect(dominance.getByText('Dominance')).toBeVisible();
  const suggested = dominance.getByRole('button').first();
  const name = (await suggested.textContent())!.trim();
  await suggested.click();
  const detail = new ParticipantsPage(page).detail;
  await expect(detail.getByRole('heading', { name })).toBeVisible();
  await page.keyboard.press('Escape');

  // The stakeholder map: start from the suggested map and save it.
  await representation.tab('Stakeholder map').click();
  await representation.useSuggestedMapButton.click();
  await expect(representation.mapGroup(1)).toHaveValue('government');
  await representation.saveMapButton.click();
  await expect(page.getByText('Stakeholder map saved')).toBeVisible();
  await representation.tab('Dashboard').click();
  await expect(representation.chart(/Plan versus actual: virtual calls/)).toBeVisible();

  // Preview as public: suppressed figures, no alerts.
  await shell.previewSwitch.check();
  await expect(main.getByText('Suppressed figures')).toBeVisible();
  await expect(representation.alertsTab).toHaveCount(0);
  await representation.phase.selectOption('calls');
  await expect(representation.chart(/Virtual calls by stakeholder group: .*\d/)).toBeVisible();
});
