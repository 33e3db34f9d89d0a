/**
 * One integration, with a tab per concern, each at its own URL:
 * /integrations/<type> (configuration), …/mappings, …/sync. An integration that does not exist
 * yet shows its configuration form, ready to create it.
 */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { DeleteCard } from '../../components/delete-card';
import { Badge } from '../../components/format';
import { ErrorNotice, QueryView } from '../../components/states';
import { ConfigurationForm } from './configuration-form';
import { AnySyncProgress, AnyWebhookEvent, DeleteIntegration, IntegrationListChanges, IntegrationPageQuery, TestConnection } from './documents';
import { healthOf } from './health';
import { MappingsEditor } from './mappings-editor';
import { SyncPanel } from './sync-panel';

const tabs = [
  { id: undefined, label: 'Configuration' },
  { id: 'mappings', label: 'Mappings' },
  { id: 'sync', label: 'Sync' },
] as const;

export function IntegrationPage({ connectorType, tab }: { connectorType: string; tab: string | undefined }) {
  const page = useQuery(IntegrationPageQuery, { connectorType });
  const reload = useThrottled(page.refetch, 500);
  // The health and last-sync facts at the top change with every run and webhook.
  useSubscription(IntegrationListChanges, {}, reload);
  useSubscription(AnySyncProgress, { connectorType }, reload);
  useSubscription(AnyWebhookEvent, { connectorType }, reload);
  // Shown above the form: creating replaces the creation form with the integration's own.
  const [notice, setNotice] = useState<string | undefined>();
  const saved = (created: boolean) => {
    setNotice(created ? 'Integration created.' : 'Configuration saved.');
    page.refetch();
  };

  return (
    <QueryView state={page} what="Loading the integration">
      {({ connector, integration, mappingTargets }) => {
        if (!connector) {
          return (
            <section>
              <h1>Unknown connector “{connectorType}”</h1>
              <p>
                <Link href="/integrations">Back to the integrations</Link>
              </p>
            </section>
          );
        }
        const base = `/integrations/${connectorType}`;
        return (
          <section>
            <p className="crumbs">
              <Link href="/integrations">Integrations</Link> /
            </p>
            <header className="page-head">
              <h1>{connector.displayName}</h1>
              {integration && <Badge value={healthOf(integration).state} label={healthOf(integration).label} />}
            </header>
            {!integration ? (
              <>
                <p>{connector.description}. Fill in the connection details to create the integration.</p>
                <ConfigurationForm connector={connector} integration={null} onSaved={saved} onEdit={() => setNotice(undefined)} />
              </>
            ) : (
              <>
                <Overview connectorType={connectorType} webhookUrl={integration.webhookUrl} lastError={integration.syncStatus.lastError} />
                <nav className="tabs" aria-label="Integration">
                  {tabs.map((t) => (
                    <Link key={t.label} href={t.id ? `${base}/${t.id}` : base} className={tab === t.id ? 'active' : ''} aria-current={tab === t.id ? 'page' : undefined}>
                      {t.label}
                    </Link>
                  ))}
                </nav>
                {tab === undefined && (
                  <>
                    {notice && (
                      <p className="banner good" role="status">
                        {notice}
                      </p>
                    )}
                    <ConfigurationForm connector={connector} integration={integration} onSaved={saved} onEdit={() => setNotice(undefined)} />
                    <DeleteIntegrationCard connectorType={connectorType} displayName={connector.displayName} />
                  </>
                )}
                {tab === 'mappings' && <MappingsEditor connector={connector} integration={integration} targets={mappingTargets} onSaved={page.refetch} />}
                {tab === 'sync' && <SyncPanel connectorType={connectorType} enabled={integration.enabled} />}
                {tab !== undefined && tab !== 'mappings' && tab !== 'sync' && <ErrorNotice error={`There is no “${tab}” tab.`} />}
              </>
            )}
          </section>
        );
      }}
    </QueryView>
  );
}

function Overview({ connectorType, webhookUrl, lastError }: { connectorType: string; webhookUrl: string; lastError: string | null }) {
  const [test, testing] = useMutation(TestConnection);
  const [result, setResult] = useState<{ success: boolean; message: string } | undefined>();
  const run = async () => {
    setResult(undefined);
    const answer = await test({ connectorType });
    if (!answer) return;
    const settled = outcome(answer.testConnection);
    setResult(settled.ok ? settled.data : { success: false, message: settled.message });
  };
  return (
    <div className="card overview">
      <dl>
        <dt>Webhook URL</dt>
        <dd>
          <code className="copyable">{webhookUrl}</code>
        </dd>
        {lastError && (
          <>
            <dt>Last error</dt>
            <dd className="bad">{lastError}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button type="button" onClick={run} disabled={testing.running}>
          {testing.running ? 'Testing…' : 'Test connection'}
        </button>
        <ErrorNotice error={testing.error} />
        {result && (
          <p className={`connection-test ${result.success ? 'good' : 'bad'}`} role="status" data-success={result.success}>
            {result.success ? '✓ ' : '✗ '}
            {result.message}
          </p>
        )}
      </div>
    </div>
  );
}

function DeleteIntegrationCard({ connectorType, displayName }: { connectorType: string; displayName: string }) {
  const [remove, removing] = useMutation(DeleteIntegration);
  const [, navigate] = useLocation();
  const onDelete = async () => {
    const answer = await remove({ connectorType });
    if (!answer) return undefined; // the call itself failed: shown from removing.error
    const settled = outcome(answer.deleteIntegration);
    if (!settled.ok) return settled.message;
    navigate('/integrations');
    return undefined;
  };
  return (
    <DeleteCard
      label="Delete this integration"
      confirmation={`Delete the ${displayName} integration? Its configuration, credentials and webhook secret are removed.`}
      onDelete={onDelete} error={removing.error}
    />
  );
}
