/**
 * Sign-in: paste an API key. It is checked against the hub before it is kept (for this browser
 * tab only); the form never submits to a URL, so the key cannot end up in one.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, execute } from '../api/client';
import { isPlatformKey, type Session } from '../api/session';
import { graphql } from '../gql';
import { OrganizationList } from './organizations';

const WhoAmI = graphql(`
  query SignInCheck {
    connectors { connectorType }
  }
`);

export function SignIn({ onSignIn, notice }: { onSignIn(session: Session): void; notice?: string }) {
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const session = { apiKey: apiKey.trim() };
    if (!session.apiKey) return setError('Paste an API key first.');
    setChecking(true);
    setError(undefined);
    try {
      // A platform key acts for no organization until one is chosen: check it on what it alone may read.
      await (isPlatformKey(session.apiKey) ? execute(session, OrganizationList, {}) : execute(session, WhoAmI, {}));
      setApiKey('');
      onSignIn(session);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Integration Hub console</h1>
        <p>Sign in with an API key of your organization, or a platform key (then choose the organization). It is kept in this browser tab only and is sent to the hub alone.</p>
        {notice && (
          <p className="banner warn" role="status">
            {notice}
          </p>
        )}
        <div className={`field${error ? ' invalid' : ''}`}>
          <label htmlFor="api-key">API key</label>
          <input
            id="api-key"
            name="api-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="fpk_test_…"
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'api-key-error' : 'api-key-help'}
          />
          <p className="help" id="api-key-help">
            Create one with <code>npm run --silent hub -- org create "Acme" --json</code> or <code>apikey create &lt;orgId&gt;</code>.
          </p>
          {error && (
            <p className="field-error" id="api-key-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="primary" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
