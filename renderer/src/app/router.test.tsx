// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { installDomShims } from '../testing/domShims';
import { AreaError } from './router';
import { AREA_ROUTES, areaPath } from './routes';

beforeAll(installDomShims);
afterEach(cleanup);

/**
 * The Calls area's route with the app's error boundary, next to a working Overview; the Calls page
 * throws while `broken.now` is true, as a component with a bug in one state would.
 */
function renderWithBrokenCalls() {
  const broken = { now: true };
  function CallsPage() {
    if (broken.now) throw new Error('Cannot read properties of undefined (reading "slots")');
    return <h1>Calls page</h1>;
  }
  const router = createMemoryRouter(
    [
      { path: AREA_ROUTES.overview, element: <h1>Overview page</h1> },
      { path: AREA_ROUTES.calls, element: <CallsPage />, errorElement: <AreaError area="calls" /> },
    ],
    { initialEntries: [areaPath('calls')] },
  );
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { broken, router };
}

describe('AreaError (the error boundary of each area)', () => {
  it('says which area failed and what the error said, with focus on its heading', async () => {
    renderWithBrokenCalls();
    const heading = await screen.findByRole('heading', { name: 'Something went wrong in Calls' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/reading "slots"/)).toBeTruthy();
    expect(screen.getByText(/Nothing you saved is lost/)).toBeTruthy();
  });

  it('"Try again" shows the area again once it no longer fails', async () => {
    const { broken } = renderWithBrokenCalls();
    await screen.findByRole('heading', { name: 'Something went wrong in Calls' });
    broken.now = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Calls page' })).toBeTruthy();
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
  });

  it('"Back to Overview" leaves the failed area for a working one', async () => {
    const { router } = renderWithBrokenCalls();
    await screen.findByRole('heading', { name: 'Something went wrong in Calls' });
    fireEvent.click(screen.getByRole('button', { name: 'Back to Overview' }));
    expect(await screen.findByRole('heading', { name: 'Overview page' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(areaPath('overview'));
  });
});
