import { createContext, useContext } from 'react';
import type { Client } from './client';
import type { Audience } from '../../../shared/domain/vocabulary';

export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientContext');
  return client;
}

/** The audience of the session the UI is using (coordinators, or public while previewing). */
export function useAudience(): Audience {
  return useClient().audience;
}
