import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClient } from './context';
import { invalidateAreas, staleAreasAfter } from './queries';

/**
 * Keeps this window in step with writes made elsewhere (another window, an import job): each
 * ChangedEvent of the live-update channel invalidates the queries of the areas it names.
 */
export function LiveUpdates() {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.kind === 'changed')
          void invalidateAreas(queryClient, staleAreasAfter(event.method, event.areas));
      }),
    [client, queryClient],
  );
  return null;
}
