/** The "Delete" card at the bottom of a screen: asks first, then deletes and moves on. */
import { useState } from 'react';
import { ErrorNotice } from './states';

interface Props {
  /** What the button says, e.g. "Delete this endpoint". */
  label: string;
  /** The question the browser asks before anything is deleted. */
  confirmation: string;
  /** Deletes; resolves with a problem to show, or nothing when it is gone. */
  onDelete(): Promise<string | undefined>;
  /** The call itself failed (the hub is not reachable). */
  error?: string;
}

export function DeleteCard({ label, confirmation, onDelete, error }: Props) {
  const [problem, setProblem] = useState<string | undefined>();
  const [running, setRunning] = useState(false);
  const run = async () => {
    if (!window.confirm(confirmation)) return;
    setRunning(true);
    setProblem(await onDelete().finally(() => setRunning(false)));
  };
  return (
    <div className="card danger">
      <h2>Delete</h2>
      <ErrorNotice error={problem ?? error} />
      <button type="button" className="danger" onClick={run} disabled={running}>
        {label}
      </button>
    </div>
  );
}
