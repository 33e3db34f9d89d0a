/** The message log: every message of one endpoint (chosen here, kept in the URL), with resend. */
import { Link } from 'wouter';
import { useSearchParam } from '../../components/search-param';
import { useQuery } from '../../api/hooks';
import { Empty, QueryView } from '../../components/states';
import { EndpointChoices } from '../endpoints/documents';
import { MessageLog } from '../endpoints/message-log';

export function MessageLogPage() {
  const endpoints = useQuery(EndpointChoices, {});
  const [endpoint, setEndpoint] = useSearchParam('endpoint');
  const [status, setStatus] = useSearchParam('status');

  return (
    <section>
      <h1>Messages</h1>
      <QueryView state={endpoints} what="Loading endpoints">
        {({ webhookEndpoints }) => {
          if (webhookEndpoints.length === 0) {
            return (
              <Empty title="No endpoint, so no message yet">
                <p>
                  <Link href="/endpoints">Create an endpoint</Link>: every event it takes becomes a message here.
                </p>
              </Empty>
            );
          }
          const chosen = endpoint ?? webhookEndpoints[0]!.endpointId;
          return (
            <>
              <div className="filters">
                <label>
                  Endpoint
                  <select value={chosen} onChange={(event) => setEndpoint(event.target.value)} name="endpoint">
                    {webhookEndpoints.map((endpoint) => (
                      <option key={endpoint.endpointId} value={endpoint.endpointId}>
                        {endpoint.url}
                        {endpoint.enabled ? '' : ' (disabled)'}
                      </option>
                    ))}
                  </select>
                </label>
                <Link href={`/endpoints/${chosen}`}>Open the endpoint</Link>
              </div>
              <MessageLog endpointId={chosen} status={status} onStatus={setStatus} />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
