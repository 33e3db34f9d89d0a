/** Data hooks over the API context: a query that reloads, a live subscription, a mutation. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from './api-context';
import { ApiError, type Document } from './client';

export interface QueryState<Result> {
  data: Result | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Runs the query again, keeping what is shown until the answer arrives. */
  refetch(): void;
}

/**
 * Runs a query and keeps its result. Runs again when the variables change, when `refetch` is
 * called, and when the live socket came back after a loss. A refused key signs out.
 */
export function useQuery<Result, Variables>(document: Document<Result, Variables>, variables: Variables): QueryState<Result> {
  const api = useApi();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; data?: Result; error?: ApiError; loading: boolean }>({ key, loading: true });
  const [tick, setTick] = useState(0);
  const { request, signOut, epoch } = api;

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick (refetch) and epoch (the live connection came back) are triggers to load again, not values read.
  useEffect(() => {
    const abort = new AbortController();
    setState((previous) => (previous.key === key ? { ...previous, loading: true } : { key, loading: true }));
    request(document, JSON.parse(key) as Variables, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 'unavailable');
        if (apiError.kind === 'unauthenticated') signOut(apiError.message);
        setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, error: apiError, loading: false }));
      },
    );
    return () => abort.abort();
  }, [document, key, tick, epoch, request, signOut]);

  const refetch = useCallback(() => setTick((n) => n + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !current || state.loading, refetch };
}

/** Follows a subscription while the component is shown; `onData` may change between renders. */
export function useSubscription<Result, Variables>(document: Document<Result, Variables>, variables: Variables, onData: (data: Result) => void): void {
  const { subscribe } = useApi();
  const handler = useRef(onData);
  handler.current = onData;
  const key = JSON.stringify(variables);
  useEffect(() => {
    return subscribe(document, JSON.parse(key) as Variables, (data) => handler.current(data));
  }, [document, key, subscribe]);
}

/**
 * Reloads a view whenever one of its subscriptions reports a change, at most every `waitMs`
 * (a sync reports every page; a burst of webhooks reports each one).
 */
export function useThrottled(action: () => void, waitMs = 300): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, waitMs);
  }, [waitMs]);
}

export interface MutationState {
  running: boolean;
  /** A transport or GraphQL error (typed errors of the result are the caller's to show). */
  error: string | undefined;
}

/** Runs a mutation on demand; resolves with its result, or undefined when the call itself failed. */
export function useMutation<Result, Variables>(document: Document<Result, Variables>): [(variables: Variables) => Promise<Result | undefined>, MutationState] {
  const { request, signOut } = useApi();
  const [state, setState] = useState<MutationState>({ running: false, error: undefined });
  const run = useCallback(
    async (variables: Variables) => {
      setState({ running: true, error: undefined });
      try {
        const result = await request(document, variables);
        setState({ running: false, error: undefined });
        return result;
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 'unavailable');
        if (apiError.kind === 'unauthenticated') signOut(apiError.message);
        setState({ running: false, error: apiError.message });
        return undefined;
      }
    },
    [document, request, signOut],
  );
  return [run, state];
}
