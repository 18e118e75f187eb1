// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Forum } from '../../../../shared/api';
import type { RpcResult } from '../../../../shared/result';
import { createClient } from '../../api/client';
import { ARCHIVED_REASON } from '../../app/forumAccess';
import { installDomShims } from '../../testing/domShims';
import { testForum } from '../../testing/fixtures';
import { TestProviders } from '../../testing/TestProviders';
import { ReportPage } from './ReportPage';

beforeAll(installDomShims);
afterEach(cleanup);

const forum = testForum;

function renderReports(shown: Forum) {
  const transport = (method: string): Promise<RpcResult<unknown>> =>
    method === 'report.list'
      ? Promise.resolve({ ok: true as const, value: [] })
      : Promise.resolve({
          ok: false as const,
          error: { code: 'unknown_method' as const, message: method },
        });
  render(
    <TestProviders client={createClient(transport)} area="report" forum={shown}>
      <ReportPage forum={shown} />
    </TestProviders>,
  );
}

describe('ReportPage', () => {
  it('offers "New report" in a forum that is not archived', async () => {
    renderReports(forum);
    await screen.findByText('No report yet');
    expect(screen.getByRole('button', { name: 'New report' })).toBeTruthy();
    expect(screen.queryByText(ARCHIVED_REASON)).toBeNull();
  });

  it('in an archived forum offers no new report and says why', async () => {
    renderReports({ ...forum, archivedAt: 1 });
    await screen.findByText('No report yet');
    expect(screen.queryByRole('button', { name: 'New report' })).toBeNull();
    expect(screen.getByText(ARCHIVED_REASON)).toBeTruthy();
    expect(screen.getByText('No outcome report was started in this forum.')).toBeTruthy();
  });
});
