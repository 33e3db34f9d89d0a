/** Integrations: each with its health, last sync and last webhook, kept current live. */
import { Link } from 'wouter';
import { useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { Ago, Badge, count } from '../../components/format';
import { Empty, QueryView } from '../../components/states';
import { AnySyncProgress, AnyWebhookEvent, IntegrationListChanges, IntegrationListQuery } from './documents';
import { healthOf } from './health';

export function IntegrationList() {
  const list = useQuery(IntegrationListQuery, {});
  // Any change to an integration, any sync progress and any webhook can change a row.
  const reload = useThrottled(list.refetch, 500);
  useSubscription(IntegrationListChanges, {}, reload);
  useSubscription(AnySyncProgress, {}, reload);
  useSubscription(AnyWebhookEvent, {}, reload);

  return (
    <section>
      <h1>Integrations</h1>
      <QueryView state={list} what="Loading integrations">
        {({ integrations, connectors }) => {
          const unconfigured = connectors.filter((c) => !integrations.some((i) => i.connectorType === c.connectorType));
          return (
            <>
              {integrations.length === 0 ? (
                <Empty title="No integration yet">
                  <p>Connect a host system to sync its master data and receive its webhooks.</p>
                  <div className="actions">
                    {connectors.map((c) => (
                      <Link key={c.connectorType} href={`/integrations/${c.connectorType}`} className="button primary">
                        Configure {c.displayName}
                      </Link>
                    ))}
                  </div>
                </Empty>
              ) : (
                <table className="list" aria-label="Integrations">
                  <thead>
                    <tr>
                      <th>Integration</th>
                      <th>Health</th>
                      <th>Last sync</th>
                      <th>Items</th>
                      <th>Last webhook</th>
                    </tr>
                  </thead>
                  <tbody>
                    {integrations.map((integration) => {
                      const health = healthOf(integration);
                      const s = integration.syncStatus;
                      return (
                        <tr key={integration.id} data-connector={integration.connectorType}>
                          <td>
                            <Link href={`/integrations/${integration.connectorType}`}>{integration.connector.displayName}</Link>
                            <div className="muted small">{integration.tenantUrl}</div>
                          </td>
                          <td>
                            <Badge value={health.state} label={health.label} />
                            {health.reason && <div className="small reason">{health.reason}</div>}
                          </td>
                          <td>
                            {s.lastSyncStatus && <Badge value={s.lastSyncStatus} />} <Ago at={s.lastSyncAt} />
                          </td>
                          <td>{count(s.lastSyncItemCount)}</td>
                          <td>
                            {s.lastWebhookStatus && <Badge value={s.lastWebhookStatus} />} <Ago at={s.lastWebhookAt} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              {integrations.length > 0 && unconfigured.length > 0 && (
                <div className="actions">
                  {unconfigured.map((c) => (
                    <Link key={c.connectorType} href={`/integrations/${c.connectorType}`} className="button">
                      Configure {c.displayName}
                    </Link>
                  ))}
                </div>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
