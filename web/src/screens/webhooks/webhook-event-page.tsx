/**
 * One inbound webhook: its stored body and kept headers, its transfers with their status (live),
 * replay of the event, and retry of its failed transfers.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { Ago, Badge, formatTime, JsonBlock } from '../../components/format';
import { Empty, ErrorNotice, QueryView, Notice } from '../../components/states';
import { ReplayWebhookEvents, RetryTransfers, TransferLive, WebhookEventLive, WebhookEventQuery } from './documents';

export function WebhookEventPage({ deliveryId }: { deliveryId: string }) {
  const event = useQuery(WebhookEventQuery, { deliveryId });
  const reload = useThrottled(event.refetch, 300);
  useSubscription(TransferLive, { deliveryId }, reload);
  useSubscription(WebhookEventLive, { connectorType: null }, ({ webhookEvents }) => webhookEvents.deliveryId === deliveryId && reload());
  const [replay, replaying] = useMutation(ReplayWebhookEvents);
  const [retry, retrying] = useMutation(RetryTransfers);
  const [notice, setNotice] = useState<string | undefined>();

  const runReplay = async () => {
    const result = await replay({ input: { eventIds: [deliveryId] } });
    if (!result) return;
    const answer = outcome(result.replayWebhookEvents);
    setNotice(answer.ok ? (answer.data.queued.length ? 'Queued for processing again.' : 'It is still being processed; try again when it settled.') : answer.message);
    event.refetch();
  };
  const runRetry = async (ids: string[]) => {
    const result = await retry({ ids });
    if (!result) return;
    const answer = outcome(result.retryTransferRequests);
    setNotice(answer.ok ? `${answer.data.length} transfer(s) queued again.` : answer.message);
    event.refetch();
  };

  return (
    <QueryView state={event} what="Loading the webhook">
      {({ webhookEvent: e }) => {
        if (!e) {
          return (
            <Empty title={`No webhook ${deliveryId}`}>
              <p>
                It does not exist in your organization, or it is older than the retention period. <Link href="/webhooks">Back to the log</Link>
              </p>
            </Empty>
          );
        }
        const failed = e.transfers.filter((t) => t.status === 'FAILED').map((t) => t.transferId);
        return (
          <section>
            <p className="crumbs">
              <Link href="/webhooks">Inbound webhooks</Link> /
            </p>
            <header className="page-head">
              <h1>
                Webhook <code>{e.deliveryId}</code>
              </h1>
              <Badge value={e.status} />
            </header>
            <div className="card">
              <dl className="facts">
                <dt>Connector</dt>
                <dd>{e.connectorType}</dd>
                <dt>Received</dt>
                <dd>
                  {formatTime(e.receivedAt)} (<Ago at={e.receivedAt} />)
                </dd>
                <dt>Processed</dt>
                <dd>{formatTime(e.processedAt)}</dd>
                <dt>Signature</dt>
                <dd>{e.signatureScheme}</dd>
                {e.dedupKey && (
                  <>
                    <dt>Deduplication key</dt>
                    <dd>
                      <code>{e.dedupKey}</code>
                    </dd>
                  </>
                )}
                {e.error && (
                  <>
                    <dt>Error</dt>
                    <dd className="bad">{e.error}</dd>
                  </>
                )}
              </dl>
              <div className="actions">
                <button type="button" onClick={runReplay} disabled={replaying.running}>
                  Replay this webhook
                </button>
                <button type="button" onClick={() => runRetry(failed)} disabled={failed.length === 0 || retrying.running}>
                  Retry failed transfers ({failed.length})
                </button>
                <Notice text={notice} />
              </div>
              <ErrorNotice error={replaying.error ?? retrying.error} />
            </div>

            <div className="card">
              <h2>Transfers</h2>
              {e.transfers.length === 0 ? (
                <p className="muted">No transfer: {e.status === 'RECEIVED' ? 'it has not been processed yet.' : 'it named nothing to transfer.'}</p>
              ) : (
                <table className="list" aria-label="Transfers">
                  <thead>
                    <tr>
                      <th>Scope</th>
                      <th>Record</th>
                      <th>Status</th>
                      <th>Outcome</th>
                      <th>Attempts</th>
                      <th>Updated</th>
                      <th>Error</th>
                      <th aria-label="Actions" />
                    </tr>
                  </thead>
                  <tbody>
                    {e.transfers.map((t) => (
                      <tr key={t.transferId} data-transfer={t.transferId}>
                        <td>
                          {t.scope}
                          {t.receivedScope && <div className="muted small">received as {t.receivedScope}</div>}
                        </td>
                        <td>
                          <code>{t.externalId}</code>
                        </td>
                        <td>
                          <Badge value={t.status} />
                        </td>
                        <td>{t.outcome ?? '—'}</td>
                        <td>{t.attempts}</td>
                        <td>
                          <Ago at={t.updatedAt} />
                        </td>
                        <td className="small">{t.error ?? ''}</td>
                        <td>
                          {t.status === 'FAILED' && (
                            <button type="button" className="link" onClick={() => runRetry([t.transferId])} disabled={retrying.running}>
                              Retry
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>

            <div className="two-columns">
              <div className="card">
                <h2>Body</h2>
                <p className="help">As received, byte for byte (pretty-printed here).</p>
                <JsonBlock text={e.body} label="Body" />
              </div>
              <div className="card">
                <h2>Headers</h2>
                <p className="help">The headers the hub keeps (never signatures or credentials).</p>
                <JsonBlock text={e.headers} label="Headers" />
              </div>
            </div>
          </section>
        );
      }}
    </QueryView>
  );
}
