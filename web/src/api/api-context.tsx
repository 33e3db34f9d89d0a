/**
 * The signed-in console's connection to the hub, shared by every screen: run a document, follow a
 * subscription, the state of the live socket, and sign-out. `epoch` grows each time the live
 * socket comes back after a loss, so views reload what they may have missed meanwhile.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createLiveClient, execute, subscribe, type Document, type LiveState } from './client';
import type { Session } from './session';

export interface Api {
  session: Session;
  live: LiveState;
  epoch: number;
  request<Result, Variables>(document: Document<Result, Variables>, variables: Variables, signal?: AbortSignal): Promise<Result>;
  subscribe<Result, Variables>(document: Document<Result, Variables>, variables: Variables, onData: (data: Result) => void): () => void;
  signOut(reason?: string): void;
}

const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside of <ApiProvider>');
  return api;
}

export function ApiProvider({ session: given, onSignOut, children }: { session: Session; onSignOut(reason?: string): void; children: ReactNode }) {
  // The same key and organization keep the same socket, however often the parent re-renders.
  const { apiKey, orgId } = given;
  const session = useMemo<Session>(() => (orgId ? { apiKey, orgId } : { apiKey }), [apiKey, orgId]);
  const [live, setLive] = useState<LiveState>('connecting');
  const [epoch, setEpoch] = useState(0);
  const liveRef = useRef<LiveState>('connecting');
  const signOut = useRef(onSignOut);
  signOut.current = onSignOut;

  const client = useMemo(
    () =>
      createLiveClient(session, {
        onState: (state) => {
          if (liveRef.current === 'lost' && state === 'live') setEpoch((n) => n + 1);
          liveRef.current = state;
          setLive(state);
        },
        // A platform key is also refused for an organization disabled meanwhile: say both.
        onRefused: () =>
          signOut.current(
            session.orgId
              ? `The hub closed the live connection: this API key is no longer valid, or organization ${session.orgId} was disabled.`
              : 'The hub closed the live connection: this API key is no longer valid.',
          ),
      }),
    [session],
  );
  useEffect(() => () => void client.dispose(), [client]);

  // Stable across live-state changes, so views do not reload because the socket blinked.
  const transport = useMemo<Pick<Api, 'session' | 'request' | 'subscribe' | 'signOut'>>(
    () => ({
      session,
      request: (document, variables, signal) => execute(session, document, variables, signal),
      subscribe: (document, variables, onData) => subscribe(client, document, variables, onData),
      signOut: (reason) => signOut.current(reason),
    }),
    [session, client],
  );
  const api = useMemo<Api>(() => ({ ...transport, live, epoch }), [transport, live, epoch]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}
