import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { rpcClient } from './fixtures/rpc';
import { AppShell } from './pages/app-shell';
import { CallPage } from './pages/call-page';
import { CallsPage } from './pages/calls-page';
import { ContributionsPage } from './pages/contributions-page';
import { ParticipantsPage } from './pages/participants-page';
import { ReportPage } from './pages/report-page';
import { WelcomePage } from './pages/welcome-page';

/**
 * "Preview as public" is a public session: a coordinator protects a participant who is mentioned
 * with Markdown emphasis (`**Given** Family`) in a call's minutes and in a contribution, switches
 * the preview on, and neither the page nor any answer the backend sends holds the name; searching
 * the name finds nothing. The report prose names her too (written BEFORE the protection): the
 * public report's HTML and DOCX, saved through the export dialog, do not hold the name either.
 * The DOCX is read with tools we did not write: pandoc (its text) and Python's zipfile (every XML
 * part, document properties included).
 *
 * The participant, the minutes and the contribution are set up through the RPC API (with the
 * session token from the app's URL) as fixtures; protecting and previewing happen in the UI.
 */
test('the public preview shows and receives no protected name, and search finds none', async ({
  app,
  page,
}) => {
  // Many areas, two exports and two outside readers: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await app.open(page);
  await new WelcomePage(page).loadSample();
  const shell = new AppShell(page);
  await expect(shell.navigation).toBeVisible();

  const rpc = rpcClient(page, app.url);
  const forum = await rpc<{ id: string }>('forums.current', {});
  await rpc('participants.create', {
    forumId: forum.id,
    fullName: 'Given Family',
    email: 'given.family@example.org',
    stakeholderGroup: 'civil_society',
    consentListed: true,
  });
  const [series] = await rpc<{ id: string; title: string }[]>('callSeries.list', {
    forumId: forum.id,
  });
  const details = await rpc<{ calls: { id: string }[] }>('callSeries.get', { id: series.id });
  await rpc('calls.update', {
    id: details.calls[0].id,
    minutes: 'Thanks to **Given** Family for the summary of the regional survey.',
  });
  const contribution = await rpc<{ id: string }>('contributions.create', {
    forumId: forum.id,
    title: 'Mentoring circles for rural women',
    summary: 'Proposed by **Given** Family after the second call.',
    body: 'Circles of five meet monthly; **Given** Family coordinates them.',
    kind: 'practice',
    source: 'email',
    country: 'BR',
    receivedOn: '2026-05-04',
    attribution: 'anonymous',
    mayPublish: true,
  });
  await rpc('contributions.setStatus', { id: contribution.id, status: 'accepted' });

  const main = shell.main;
  const report = new ReportPage(page);
  const participants = new ParticipantsPage(page);

  // The rapporteur names her in the report, before anyone protects her.
  await shell.goTo('Report');
  await report.newReportButton.click();
  await report.openSection('2.1', 'Barriers');
  await report
    .sectionText('2.1 Barriers')
    .fill(
      'As **Given** Family put it, mentoring circles need a _safe_ space. [Given](https://x.com/givenfamily) Family agreed.',
    );
  await expect(report.saveStatus).toHaveText('Saved');

  // The coordinator protects her.
  await shell.goTo('Participants');
  await participants.searchFor('Given Family');
  await participants.row('Given Family').click();
  await participants.protectOpenParticipant('Harassed after the second call');
  await page.keyboard.press('Escape');

  // From here on every backend answer is recorded.
  const answers: Promise<string>[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/rpc/')) answers.push(res.text());
  });
  await shell.previewSwitch.check();
  await expect(shell.previewBanner).toBeVisible();
  const NAME = /given\W+family|family\W+given|given\.family/i;

  // The contribution, in the list and through search.
  await shell.goTo('Contributions');
  const contributions = new ContributionsPage(page);
  await expect(main.getByText('Mentoring circles for rural women').first()).toBeVisible();
  await expect(main).not.toContainText(NAME);
  await contributions.search.fill('Given Family');
  await expect(main.getByText('Mentoring circles for rural women')).toHaveCount(0);
  await contributions.search.fill('Mentoring');
  await expect(main.getByText('Mentoring circles for rural women').first()).toBeVisible();
  await expect(main).not.toContainText(NAME);

  // The call with her in its minutes.
  await shell.goTo('Calls');
  const calls = new CallsPage(page);
  await calls.seriesButton(series.title).click();
  await calls.openCall(1);
  await new CallPage(page).tab('Minutes').click();
  await expect(main.getByText(/summary of the regional survey/)).toBeVisible();
  await expect(main).not.toContainText(NAME);

  // The directory, and a search for her name.
  await shell.goTo('Participants');
  await participants.searchFor('Given Family');
  await participants.expectCount(0);
  await expect(page.locator('body')).not.toContainText(NAME);
  await expect(page.getByText('PROTECTED', { exact: true })).toHaveCount(0);

  // The report area: a public session gets no draft (the public reads the exported report).
  await shell.goTo('Report');
  await expect(main.getByText('Written by the coordinators')).toBeVisible();
  await expect(main).not.toContainText(NAME);

  const bodies = await Promise.all(answers);
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toMatch(NAME);

  // Back as the coordinator: the public report, as HTML and as DOCX, through the export dialog.
  await shell.previewSwitch.uncheck();
  await expect(shell.previewBanner).toBeHidden();
  await shell.goTo('Report');
  await report.reportButton(/outcome report/).click();
  const exported = async (format: 'html' | 'docx') => {
    await report.exportButton.click();
    const dialog = report.exportDialog;
    await dialog.audience.selectOption('public');
    await dialog.format.selectOption(format);
    await expect(dialog.redacted).toBeVisible();
    const download = await dialog.save();
    expect(download.suggestedFilename()).toMatch(new RegExp(`-public-.*\\.${format}$`));
    await expect(dialog.dialog).toBeHidden();
    return (await download.path())!;
  };
  const html = readFileSync(await exported('html'), 'utf8');
  expect(html).toContain('mentoring circles need a');
  expect(html).toMatch(/Participant [A-Z2-9]+/);
  expect(html).not.toMatch(NAME);
  expect(html).not.toContain('givenfamily');

  const docx = await exported('docx');
  const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', docx], { encoding: 'utf8' });
  expect(text).toContain('mentoring circles need a');
  expect(text).toMatch(/Participant [A-Z2-9]+/);
  expect(text).not.toMatch(NAME);
  const xml = execFileSync(
    'python3',
    [
      '-c',
      'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n    sys.stdout.write(z.read(n).decode("utf-8", "replace"))',
      docx,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(xml).toContain('<w:document');
  expect(xml).not.toMatch(NAME);
  expect(xml).not.toContain('givenfamily');
});
