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

/** An error from the API or the hub, where it belongs; nothing when there is none. */
export function ErrorNotice({ error, onRetry }: { error: ApiError | string | null | undefined; onRetry?: () => void }) {
  if (!error) return null;
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

/** What an action did ("Saved.", "3 queued again."), announced; nothing when there is nothing to say. */
export function Notice({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <span className="saved" role="status">
      {text}
    </span>
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
