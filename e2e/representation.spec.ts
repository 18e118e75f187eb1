import { expect, test } from './fixtures/app';
import { rpcClient } from './fixtures/rpc';

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
  await page.getByRole('button', { name: 'Load sample forum' }).click();
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();

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

  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Representation' })
    .click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Representation' })).toBeVisible();

  // The charts, with accessible names that carry their values.
  await main.getByLabel('Phase', { exact: true }).selectOption('calls');
  const bars = main.getByRole('img', {
    name: /Virtual calls by stakeholder group: .*Private sector \d+/,
  });
  await expect(bars).toBeVisible();
  await expect(
    main.getByRole('img', { name: /Attendance over the calls of the year/ }),
  ).toBeVisible();

  // The dominance alert, with who to invite.
  await main.getByRole('tab', { name: /Alerts/ }).click();
  const alerts = main.getByRole('list', { name: 'Alerts' });
  const dominance = alerts
    .getByRole('listitem')
    .filter({ hasText: /Private sector holds \d+% of virtual calls/ });
  await expect(dominance).toBeVisible();
  await expect(dominance.getByText('Dominance')).toBeVisible();
  const suggested = dominance.getByRole('button').first();
  const name = (await suggested.textContent())!.trim();
  await suggested.click();
  const detail = page.getByRole('dialog', { name: 'Participant', exact: true });
  await expect(detail.getByRole('heading', { name })).toBeVisible();
  await page.keyboard.press('Escape');

  // The stakeholder map: start from the suggested map and save it.
  await main.getByRole('tab', { name: 'Stakeholder map' }).click();
  await main.getByRole('button', { name: 'Use suggested map' }).click();
  await expect(main.getByLabel('Stakeholder group, row 1', { exact: true })).toHaveValue(
    'government',
  );
  await main.getByRole('button', { name: 'Save map' }).click();
  await expect(page.getByText('Stakeholder map saved')).toBeVisible();
  await main.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(main.getByRole('img', { name: /Plan versus actual: virtual calls/ })).toBeVisible();

  // Preview as public: suppressed figures, no alerts.
  await page.getByLabel('Preview as public').check();
  await expect(main.getByText('Suppressed figures')).toBeVisible();
  await expect(main.getByRole('tab', { name: /Alerts/ })).toHaveCount(0);
  await main.getByLabel('Phase', { exact: true }).selectOption('calls');
  await expect(
    main.getByRole('img', { name: /Virtual calls by stakeholder group: .*\d/ }),
  ).toBeVisible();
});
