/** What a view shows while it loads, when it failed, and when there is nothing yet. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: ApiError | string; onRetry?: () => void }) {
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div className="state error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** Loading, error or the content, for a query's state. */
export function QueryView<T>({ state, children, what }: { state: { data: T | undefined; error: ApiError | undefined; loading: boolean; refetch(): void }; what?: string; children: (data: T) => ReactNode }) {
  if (state.data !== undefined) {
    return (
      <>
        {state.error && <ErrorNotice error={state.error} onRetry={state.refetch} />}
        {children(state.data)}
      </>
    );
  }
  if (state.error) return <ErrorNotice error={state.error} onRetry={state.refetch} />;
  return <Loading what={what} />;
}
