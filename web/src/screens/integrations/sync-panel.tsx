/**
 * "Sync now" with a live progress bar (pages, records, errors, as a share of what the host
 * reported), and the run history with counts and per-record errors.
 */
import { Fragment, useState } from 'react';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { Ago, Badge, count, formatTime } from '../../components/format';
import { Empty, ErrorNotice, QueryView } from '../../components/states';
import type { SyncMode, SyncRunRowFragment } from '../../gql/graphql';
import { StartSync, SyncProgress, SyncRunsQuery } from './documents';

export function SyncPanel({ connectorType, enabled }: { connectorType: string; enabled: boolean }) {
  const runs = useQuery(SyncRunsQuery, { connectorType });
  const [current, setCurrent] = useState<SyncRunRowFragment | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [start, starting] = useMutation(StartSync);
  const reload = useThrottled(runs.refetch, 500);

  useSubscription(SyncProgress, { connectorType }, ({ syncProgress }) => {
    // Events of one run may overtake each other; never move the bar backwards.
    setCurrent((shown) => (shown?.runId === syncProgress.runId && (shown.status !== 'RUNNING' || shown.itemsSeen > syncProgress.itemsSeen) ? shown : syncProgress));
    reload();
  });

  const latest = runs.data?.syncRuns.edges[0]?.node;
  const shown = current ?? (latest?.status === 'RUNNING' ? latest : undefined);

  const sync = async (mode: SyncMode) => {
    setProblem(undefined);
    const result = await start({ connectorType, mode });
    if (!result) return;
    const answer = outcome(result.startSync);
    if (answer.ok) setCurrent(answer.data);
    else setProblem(answer.message);
  };

  return (
    <section className="card" aria-label="Sync">
      <h2>Sync</h2>
      <div className="actions">
        <button type="button" className="primary" onClick={() => sync('FULL')} disabled={starting.running || shown?.status === 'RUNNING' || !enabled}>
          Sync now
        </button>
        <button type="button" onClick={() => sync('INCREMENTAL')} disabled={starting.running || shown?.status === 'RUNNING' || !enabled}>
          Sync changes only
        </button>
        {!enabled && <span className="muted">Enable the integration to sync.</span>}
      </div>
      <ErrorNotice error={problem ?? starting.error} />
      {shown && <RunProgress run={shown} />}

      <h3>Run history</h3>
      <QueryView state={runs} what="Loading runs">
        {(data) =>
          data.syncRuns.edges.length === 0 ? (
            <Empty title="No sync yet">
              <p>Press “Sync now” to read every record from the host system.</p>
            </Empty>
          ) : (
            <RunHistory runs={data.syncRuns.edges.map((edge) => edge.node)} />
          )
        }
      </QueryView>
    </section>
  );
}

function RunProgress({ run }: { run: SyncRunRowFragment }) {
  const running = run.status === 'RUNNING';
  const total = run.itemsTotal;
  const done = !running;
  // Finished runs fill the bar; a running one without a host count has no share to show.
  const max = total ?? (done ? Math.max(run.itemsSeen, 1) : undefined);
  const value = done ? max : run.itemsSeen;
  return (
    <div className="progress" data-status={run.status} data-run={run.runId}>
      <div className="progress-head">
        <Badge value={run.status} /> <span>{run.mode === 'FULL' ? 'Full sync' : 'Incremental sync'}</span> <span className="muted">started <Ago at={run.startedAt} /></span>
      </div>
      <progress aria-label="Sync progress" max={max} value={max === undefined ? undefined : value} />
      <p className="progress-text" role="status" aria-live="polite">
        Page {run.pages} · {count(run.itemsSeen)}
        {total !== null ? ` of ${count(total)}` : ''} records read · {count(run.itemsSynced)} stored · {count(run.errorCount)} errors
        {done && run.finishedAt ? ` · finished ${formatTime(run.finishedAt)}` : ''}
      </p>
      <ErrorNotice error={run.error} />
    </div>
  );
}

function seconds(run: SyncRunRowFragment): string {
  if (!run.finishedAt) return '—';
  return `${((new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) / 1000).toFixed(1)} s`;
}

function RunHistory({ runs }: { runs: SyncRunRowFragment[] }) {
  const [open, setOpen] = useState<string | undefined>();
  return (
    <table className="list" aria-label="Sync runs">
      <thead>
        <tr>
          <th>Started</th>
          <th>Mode</th>
          <th>Status</th>
          <th>Pages</th>
          <th>Read</th>
          <th>Stored</th>
          <th>Errors</th>
          <th>Took</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <Fragment key={run.runId}>
            <tr data-run={run.runId}>
              <td>
                <Ago at={run.startedAt} />
              </td>
              <td>
                {run.mode.toLowerCase()} <span className="muted small">{run.trigger}</span>
              </td>
              <td>
                <Badge value={run.status} />
              </td>
              <td>{count(run.pages)}</td>
              <td>
                {count(run.itemsSeen)}
                {run.itemsTotal !== null && run.itemsTotal !== run.itemsSeen ? <span className="muted"> / {count(run.itemsTotal)}</span> : null}
              </td>
              <td>{count(run.itemsSynced)}</td>
              <td>
                {run.errorCount > 0 || run.error ? (
                  <button type="button" className="link" aria-expanded={open === run.runId} onClick={() => setOpen(open === run.runId ? undefined : run.runId)}>
                    {run.error ? 'failed' : count(run.errorCount)}
                  </button>
                ) : (
                  '0'
                )}
              </td>
              <td>{seconds(run)}</td>
            </tr>
            {open === run.runId && (
              <tr className="detail">
                <td colSpan={8}>
                  {run.error && <p className="bad">{run.error}</p>}
                  {run.errors.length > 0 && (
                    <table className="list compact" aria-label="Record errors">
                      <thead>
                        <tr>
                          <th>Record</th>
                          <th>Field</th>
                          <th>Problem</th>
                        </tr>
                      </thead>
                      <tbody>
                        {run.errors.map((e, index) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a run's error list never changes order; one record may fail twice.
                          <tr key={`${e.externalId}-${index}`}>
                            <td>{e.externalId}</td>
                            <td>{e.field ?? '—'}</td>
                            <td>{e.message}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {run.errorCount > run.errors.length && <p className="muted">The first {run.errors.length} of {count(run.errorCount)} record errors are kept.</p>}
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
