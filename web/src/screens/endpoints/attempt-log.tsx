/** An endpoint's delivery attempts, newest first; new attempts appear as they happen. */
import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from '../../api/hooks';
import { Ago, Badge } from '../../components/format';
import { Empty, QueryView } from '../../components/states';
import type { AttemptFieldsFragment } from '../../gql/graphql';
import { AttemptLive, AttemptsQuery } from './documents';

export function AttemptLog({ endpointId }: { endpointId: string }) {
  const stored = useQuery(AttemptsQuery, { endpointId });
  const [live, setLive] = useState<AttemptFieldsFragment[]>([]);
  // A reload (e.g. after the socket came back) already holds what streamed in before it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stored list is the trigger to drop what streamed in before it.
  useEffect(() => setLive([]), [stored.data]);
  useSubscription(AttemptLive, { endpointId }, ({ deliveryAttempts }) => setLive((attempts) => [deliveryAttempts, ...attempts.filter((a) => a.attemptId !== deliveryAttempts.attemptId)]));

  return (
    <div className="card">
      <h2>Attempt log</h2>
      <QueryView state={stored} what="Loading attempts">
        {(data) => {
          const storedRows = data.deliveryAttempts.edges.map((edge) => edge.node);
          const rows = [...live.filter((a) => !storedRows.some((s) => s.attemptId === a.attemptId)), ...storedRows];
          if (rows.length === 0) return <Empty title="No attempt yet">{<p>Send a test event: its attempt appears here as it happens.</p>}</Empty>;
          return <AttemptTable attempts={rows} label="Delivery attempts" />;
        }}
      </QueryView>
    </div>
  );
}

export function AttemptTable({ attempts, label }: { attempts: AttemptFieldsFragment[]; label: string }) {
  return (
    <table className="list" aria-label={label}>
      <thead>
        <tr>
          <th>When</th>
          <th>Message</th>
          <th>Answer</th>
          <th>Latency</th>
          <th>Response or error</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a) => {
          const ok = a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300;
          return (
            <tr key={a.attemptId} data-attempt={a.attemptId} data-event={a.eventId}>
              <td>
                <Ago at={a.attemptedAt} />
              </td>
              <td>
                <code>{a.eventId}</code>
              </td>
              <td>
                <Badge value={ok ? 'succeeded' : 'failed'} label={a.statusCode === null ? 'no answer' : String(a.statusCode)} />
              </td>
              <td>{a.latencyMs} ms</td>
              <td className="small">
                <code className="clip">{a.error ?? a.responseBody ?? ''}</code>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
