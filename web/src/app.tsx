/**
 * The console: sign-in, then the screens, each at a URL of its own under /console (deep links
 * work because the hub answers every such path with this app). With a platform key the screens
 * are those of the organization in the URL (`/console/orgs/{orgId}/…`), chosen on `/console/orgs`.
 */
import { useState, type ReactNode } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { ApiProvider, useApi } from './api/api-context';
import { clearSession, isPlatformKey, loadSession, saveSession, type Session } from './api/session';
import { EndpointList } from './screens/endpoints/endpoint-list';
import { EndpointPage } from './screens/endpoints/endpoint-page';
import { EventTypes } from './screens/catalog/event-types';
import { IntegrationList } from './screens/integrations/integration-list';
import { IntegrationPage } from './screens/integrations/integration-page';
import { MessageLogPage } from './screens/catalog/message-log-page';
import { consoleBase, OrganizationPicker, OrganizationScope, OrganizationSwitcher } from './screens/organizations';
import { SignIn } from './screens/sign-in';
import { WebhookEventPage } from './screens/webhooks/webhook-event-page';
import { WebhookLog } from './screens/webhooks/webhook-log';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<string | undefined>();

  const signIn = (next: Session) => {
    saveSession(next);
    setNotice(undefined);
    setSession(next);
  };
  const signOut = (reason?: string) => {
    clearSession();
    setNotice(reason);
    setSession(null);
  };

  return (
    <Router base={consoleBase}>
      {session && isPlatformKey(session.apiKey) ? (
        <PlatformConsole session={session} onSignOut={signOut} />
      ) : session ? (
        <ApiProvider session={session} onSignOut={signOut}>
          <Shell />
        </ApiProvider>
      ) : (
        <SignIn onSignIn={signIn} notice={notice} />
      )}
    </Router>
  );
}

/**
 * A platform key's console: the organization picker, and each organization's screens under its
 * own path. Switching organization remounts the screens with a new live socket, whose connection
 * params name the new organization.
 */
function PlatformConsole({ session, onSignOut }: { session: Session; onSignOut(reason?: string): void }) {
  return (
    <Switch>
      <Route path="/orgs">
        <OrganizationPicker session={session} onSignOut={onSignOut} />
      </Route>
      <Route path="/orgs/:orgId" nest>
        {({ orgId }) => (
          <OrganizationScope key={orgId} session={session} orgId={orgId} onSignOut={onSignOut}>
            {(org, organizations) => (
              <ApiProvider key={org.orgId} session={{ ...session, orgId: org.orgId }} onSignOut={onSignOut}>
                <Shell organization={<OrganizationSwitcher org={org} organizations={organizations} />} />
              </ApiProvider>
            )}
          </OrganizationScope>
        )}
      </Route>
      <Route>
        <Redirect to="/orgs" replace />
      </Route>
    </Switch>
  );
}

const sections = [
  { href: '/integrations', label: 'Integrations' },
  { href: '/webhooks', label: 'Inbound webhooks' },
  { href: '/endpoints', label: 'Endpoints' },
  { href: '/event-types', label: 'Event types' },
  { href: '/messages', label: 'Messages' },
];

function Shell({ organization }: { organization?: ReactNode }) {
  const [location] = useLocation();
  const api = useApi();
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/integrations" className="brand">
          Integration Hub
        </Link>
        <nav aria-label="Sections">
          {sections.map((section) => (
            <Link key={section.href} href={section.href} className={location.startsWith(section.href) ? 'active' : ''} aria-current={location.startsWith(section.href) ? 'page' : undefined}>
              {section.label}
            </Link>
          ))}
        </nav>
        {organization}
        <LiveIndicator />
        <button type="button" className="link" onClick={() => api.signOut()}>
          Sign out
        </button>
      </header>
      <LiveBanner />
      <main>
        <Switch>
          <Route path="/integrations" component={IntegrationList} />
          <Route path="/integrations/:connectorType/:tab?">{(params) => <IntegrationPage connectorType={params.connectorType} tab={params.tab} />}</Route>
          <Route path="/webhooks" component={WebhookLog} />
          <Route path="/webhooks/:deliveryId">{(params) => <WebhookEventPage deliveryId={params.deliveryId} />}</Route>
          <Route path="/endpoints" component={EndpointList} />
          <Route path="/endpoints/:endpointId">{(params) => <EndpointPage endpointId={params.endpointId} />}</Route>
          <Route path="/event-types" component={EventTypes} />
          <Route path="/messages" component={MessageLogPage} />
          <Route path="/">
            <Redirect to="/integrations" replace />
          </Route>
          <Route>
            <section>
              <h1>Not found</h1>
              <p>
                There is no such screen. <Link href="/integrations">Go to the integrations</Link>.
              </p>
            </section>
          </Route>
        </Switch>
      </main>
    </div>
  );
}

function LiveIndicator() {
  const { live } = useApi();
  const label = { connecting: 'Connecting…', live: 'Live', lost: 'Reconnecting…' }[live];
  return (
    <span className={`live-indicator ${live}`} data-live={live} title="Live updates over graphql-ws">
      {label}
    </span>
  );
}

function LiveBanner() {
  const { live } = useApi();
  if (live !== 'lost') return null;
  return (
    <div className="banner warn" role="status" data-testid="live-lost">
      Live updates are interrupted: the connection to the hub was lost. Reconnecting… What you see may be out of date until it is back.
    </div>
  );
}
