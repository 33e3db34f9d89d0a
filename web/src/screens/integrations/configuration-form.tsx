/**
 * An integration's configuration, generated from what its connector declares: the tenant URL,
 * its credential fields (write-only: a password input that shows only whether a value is set),
 * the webhook secret (write-only too), the hub's own settings, and the connector's settings
 * from its JSON Schema. The API validates; its field errors appear beside the fields. Secrets
 * typed here leave the page as soon as they are saved.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { errorsUnder, outcome, type FieldErrors } from '../../api/outcome';
import { Field, OtherErrors } from '../../components/field';
import { Badge } from '../../components/format';
import { ErrorNotice } from '../../components/states';
import type { IntegrationDetailFragment, IntegrationPageQuery } from '../../gql/graphql';
import { ConfigureIntegration } from './documents';
import { SchemaForm, type JsonSchema } from './schema-form';

type Connector = NonNullable<IntegrationPageQuery['connector']>;

interface FormState {
  enabled: boolean;
  tenantUrl: string;
  credentials: Record<string, string>;
  webhookSecret: string;
  removeWebhookSecret: boolean;
  syncIntervalMinutes: string;
  webhookScopes: string[];
  deleteHandling: string;
  connectorSettings: Record<string, unknown>;
}

function initialState(connector: Connector, integration: IntegrationDetailFragment | null): FormState {
  return {
    enabled: integration?.enabled ?? true,
    tenantUrl: integration?.tenantUrl ?? '',
    credentials: {},
    webhookSecret: '',
    removeWebhookSecret: false,
    syncIntervalMinutes: integration?.syncIntervalMinutes == null ? '' : String(integration.syncIntervalMinutes),
    webhookScopes: integration?.webhookScopes ?? connector.webhookScopes.map((s) => s.name).filter((name) => !name.endsWith('/deleted')),
    deleteHandling: integration?.deleteHandling ?? 'deactivate',
    connectorSettings: (integration?.connectorSettings as Record<string, unknown> | undefined) ?? {},
  };
}

/** Paths of the hub's own inputs that have a field on this form. */
const ownPaths = ['tenantUrl', 'enabled', 'settings.webhookSecret', 'settings.syncIntervalMinutes', 'settings.webhookScopes', 'settings.deleteHandling'];

export function ConfigurationForm({ connector, integration, onSaved, onEdit }: { connector: Connector; integration: IntegrationDetailFragment | null; onSaved(created: boolean): void; onEdit(): void }) {
  const [form, setForm] = useState<FormState>(() => initialState(connector, integration));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [configure, { running, error }] = useMutation(ConfigureIntegration);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    onEdit();
    setForm((previous) => ({ ...previous, [key]: value }));
  };
  const schema = connector.settingsSchema as JsonSchema | null;
  const specs = connector.credentialFieldSpecs;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onEdit();
    const credentials = Object.entries(form.credentials)
      .filter(([, value]) => value !== '')
      .map(([field, value]) => ({ field, value }));
    const interval = form.syncIntervalMinutes.trim();
    const tenantUrl = form.tenantUrl.trim();
    const result = await configure({
      input: {
        connectorType: connector.connectorType,
        // Sent only when it changes: where secrets go is not touched by an unrelated save.
        ...(tenantUrl !== (integration?.tenantUrl ?? '') ? { tenantUrl } : {}),
        enabled: form.enabled,
        ...(credentials.length ? { credentials } : {}),
        ...(form.webhookSecret ? { webhookSecret: form.webhookSecret } : form.removeWebhookSecret ? { webhookSecret: null } : {}),
        syncIntervalMinutes: interval === '' ? null : Number(interval),
        webhookScopes: form.webhookScopes,
        deleteHandling: form.deleteHandling,
        ...(schema ? { connectorSettings: form.connectorSettings } : {}),
      },
    });
    if (!result) return;
    const answer = outcome(result.configureIntegration);
    if (!answer.ok) {
      setErrors(answer.fields);
      setSummary(answer.message);
      return;
    }
    // Written-only values leave the page once the hub has them.
    setForm((previous) => ({ ...previous, credentials: {}, webhookSecret: '', removeWebhookSecret: false }));
    setErrors({});
    setSummary(undefined);
    onSaved(answer.data.created);
  };

  const isShown = (path: string) => ownPaths.includes(path) || path.startsWith('credentials.') || (schema !== null && path.startsWith('settings.'));

  return (
    <form className="card form" onSubmit={submit} aria-label="Configuration" noValidate>
      <h2>Configuration</h2>
      <ErrorNotice error={summary} />
      <ErrorNotice error={error} />
      <OtherErrors errors={errors} shown={isShown} />

      <Field label="Enabled" help="A disabled integration neither syncs nor takes webhooks.">
        <input type="checkbox" checked={form.enabled} onChange={(event) => set('enabled', event.target.checked)} name="enabled" />
      </Field>
      <Field label="Tenant URL" help={connector.tenantUrlDescription ?? undefined} error={errors.tenantUrl}>
        <input type="url" name="tenantUrl" value={form.tenantUrl} onChange={(event) => set('tenantUrl', event.target.value)} placeholder="https://" required />
      </Field>

      <fieldset className="group">
        <legend>Credentials</legend>
        <p className="help">Write-only: the hub stores them encrypted and never shows them again. Leave a field empty to keep its stored value.</p>
        {specs.map((spec) => {
          const isSet = integration?.credentialFields.includes(spec.name) ?? false;
          return (
            <Field
              key={spec.name}
              label={`${spec.name}${spec.required ? ' (required)' : ''}`}
              help={spec.description ?? undefined}
              error={errors[`credentials.${spec.name}`]}
              aside={<Badge value={isSet ? 'enabled' : 'disabled'} label={isSet ? 'set' : 'not set'} />}
            >
              <input
                type="password"
                name={`credentials.${spec.name}`}
                autoComplete="new-password"
                value={form.credentials[spec.name] ?? ''}
                placeholder={isSet ? 'set (leave empty to keep)' : spec.url ? 'https://' : ''}
                onChange={(event) => set('credentials', { ...form.credentials, [spec.name]: event.target.value })}
              />
            </Field>
          );
        })}
      </fieldset>

      <fieldset className="group">
        <legend>Inbound webhooks</legend>
        <Field
          label="Webhook secret"
          help="Signs the host system's webhooks (HMAC-SHA256). A new secret replaces the old one, which keeps verifying for 24 hours."
          error={errors['settings.webhookSecret']}
          aside={<Badge value={integration?.webhookSecretConfigured ? 'enabled' : 'disabled'} label={integration?.webhookSecretConfigured ? 'configured' : 'not configured'} />}
        >
          <input
            type="password"
            name="webhookSecret"
            autoComplete="new-password"
            value={form.webhookSecret}
            placeholder={integration?.webhookSecretConfigured ? 'configured (leave empty to keep)' : 'whsec_…'}
            onChange={(event) => set('webhookSecret', event.target.value)}
          />
        </Field>
        {integration?.webhookSecretConfigured && (
          <label className="inline">
            <input type="checkbox" checked={form.removeWebhookSecret} onChange={(event) => set('removeWebhookSecret', event.target.checked)} /> Remove the webhook secret (webhooks are refused until a new one is set)
          </label>
        )}
        <fieldset className="group" aria-describedby="scopes-help">
          <legend>Scopes acted on</legend>
          <p className="help" id="scopes-help">
            Hooks of other scopes are recorded as skipped. Deletes are off by default.
          </p>
          {errors['settings.webhookScopes'] && (
            <p className="field-error" role="alert">
              {errors['settings.webhookScopes']}
            </p>
          )}
          {connector.webhookScopes.map((scope) => (
            <label key={scope.name} className="inline" title={scope.description}>
              <input
                type="checkbox"
                checked={form.webhookScopes.includes(scope.name)}
                onChange={(event) => set('webhookScopes', event.target.checked ? [...form.webhookScopes, scope.name] : form.webhookScopes.filter((name) => name !== scope.name))}
              />{' '}
              {scope.name}
            </label>
          ))}
        </fieldset>
        <Field label="When the host deletes a record" error={errors['settings.deleteHandling']}>
          <select value={form.deleteHandling} onChange={(event) => set('deleteHandling', event.target.value)} name="deleteHandling">
            <option value="deactivate">Mark it inactive</option>
            <option value="delete">Delete it</option>
          </select>
        </Field>
      </fieldset>

      <Field label="Scheduled sync every (minutes)" help="Incremental syncs, 5 to 10080 minutes; empty: manual syncs only." error={errors['settings.syncIntervalMinutes']}>
        <input type="number" name="syncIntervalMinutes" min={5} max={10080} step={1} value={form.syncIntervalMinutes} onChange={(event) => set('syncIntervalMinutes', event.target.value)} />
      </Field>

      {schema && (
        <fieldset className="group">
          <legend>{connector.displayName} settings</legend>
          <SchemaForm schema={schema} value={form.connectorSettings} onChange={(value) => set('connectorSettings', value)} errors={errorsUnder(errors, 'settings')} />
        </fieldset>
      )}

      <div className="actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? 'Saving…' : integration ? 'Save configuration' : `Create ${connector.displayName} integration`}
        </button>
      </div>
    </form>
  );
}
