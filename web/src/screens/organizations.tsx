/**
 * A platform key acts for the organization each call names, so the console asks which one:
 * the picker lists the deployment's organizations, and the chosen one is a path segment
 * (`/console/orgs/{orgId}/…`) so every screen of it can be linked. The key is never in the URL.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, execute } from '../api/client';
import type { Session } from '../api/session';
import { Ago, Badge } from '../components/format';
import { Empty, ErrorNotice, Loading } from '../components/states';
import { graphql } from '../gql';
import type { OrganizationListQuery } from '../gql/graphql';

/** Where the hub serves the console; `~` + this + a path is a link that ignores nested routes. */
export const consoleBase = '/console';

export const OrganizationList = graphql(`
  query OrganizationList {
    organizations { orgId name status createdAt disabledAt }
  }
`);

type Organization = OrganizationListQuery['organizations'][number];

/**
 * The organizations, loaded with the platform key alone (no organization named yet). Not
 * `useQuery`: that needs the API context, which exists only once an organization is chosen.
 */
function useOrganizations(session: Session, onRefused: (reason: string) => void) {
  const [state, setState] = useState<{ organizations?: Organization[]; error?: ApiError; tick: number }>({ tick: 0 });
  const { tick } = state;
  const refused = useRef(onRefused);
  refused.current = onRefused;
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick (retry) is a trigger to load again, not a value read.
  useEffect(() => {
    const abort = new AbortController();
    execute({ apiKey: session.apiKey }, OrganizationList, {}, abort.signal).then(
      ({ organizations }) => setState((previous) => ({ tick: previous.tick, organizations })),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 'unavailable');
        if (apiError.kind === 'unauthenticated') refused.current(apiError.message);
        setState((previous) => ({ ...previous, error: apiError }));
      },
    );
    return () => abort.abort();
  }, [session.apiKey, tick]);
  return { ...state, retry: () => setState((previous) => ({ tick: previous.tick + 1 })) };
}

/** `/console/orgs`: which organization to act for. */
export function OrganizationPicker({ session, onSignOut }: { session: Session; onSignOut(reason?: string): void }) {
  const { organizations, error, retry } = useOrganizations(session, onSignOut);
  return (
    <div className="shell">
      <PlatformTopbar onSignOut={onSignOut} />
      <main>
        <section>
          <h1>Organizations</h1>
          <p className="help">You are signed in with a platform key: it acts for the organization you choose. Each organization's screens have their own address, so a link opens the same organization.</p>
          <ErrorNotice error={error} onRetry={retry} />
          {!organizations && !error && <Loading what="Loading organizations" />}
          {organizations?.length === 0 && (
            <Empty title="No organization yet">
              <p>
                Create one with <code>npm run --silent hub -- org create "Acme"</code>, <code>POST /api/v1/orgs</code> or the <code>createOrganization</code> mutation.
              </p>
            </Empty>
          )}
          {organizations && organizations.length > 0 && (
            <table className="list" aria-label="Organizations">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Id</th>
                  <th>Status</th>
                  <th>Created</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((org) => (
                  <tr key={org.orgId} data-org={org.orgId}>
                    <td>{org.status === 'ACTIVE' ? <Link href={`~${consoleBase}/orgs/${org.orgId}/integrations`}>{org.name}</Link> : <span title="A disabled organization cannot be acted for">{org.name}</span>}</td>
                    <td>
                      <code>{org.orgId}</code>
                    </td>
                    <td>
                      <Badge value={org.status} tone={org.status === 'ACTIVE' ? 'good' : 'bad'} />
                    </td>
                    <td>
                      <Ago at={org.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </div>
  );
}

function PlatformTopbar({ onSignOut }: { onSignOut(reason?: string): void }) {
  return (
    <header className="topbar">
      <Link href={`~${consoleBase}/orgs`} className="brand">
        Integration Hub
      </Link>
      <span className="muted">Platform key</span>
      <button type="button" className="link" onClick={() => onSignOut()}>
        Sign out
      </button>
    </header>
  );
}

/**
 * `/console/orgs/{orgId}/…`: checks that the organization exists and may be acted for before
 * the screens (and their live socket, which the hub would close for an unknown organization)
 * start; then renders them with the organization in the session.
 */
export function OrganizationScope({ session, orgId, onSignOut, children }: { session: Session; orgId: string; onSignOut(reason?: string): void; children(org: Organization, organizations: Organization[]): ReactNode }) {
  const { organizations, error, retry } = useOrganizations(session, onSignOut);
  if (error) {
    return (
      <div className="shell">
        <PlatformTopbar onSignOut={onSignOut} />
        <main>
          <ErrorNotice error={error} onRetry={retry} />
        </main>
      </div>
    );
  }
  if (!organizations) return <Loading what="Loading the organization" />;
  const org = organizations.find((candidate) => candidate.orgId === orgId);
  if (org?.status !== 'ACTIVE') {
    return (
      <div className="shell">
        <PlatformTopbar onSignOut={onSignOut} />
        <main>
          <section>
            <h1>{org ? 'This organization is disabled' : 'No such organization'}</h1>
            <p>
              {org ? `${org.name} is disabled: no key may act for it until it is enabled again.` : `There is no organization ${orgId} in this deployment.`} <Link href={`~${consoleBase}/orgs`}>Choose an organization</Link>.
            </p>
          </section>
        </main>
      </div>
    );
  }
  return <>{children(org, organizations)}</>;
}

/**
 * In the header of an organization's screens: which organization they show, and a switch to
 * another one. The same screen of the other organization is opened (its list, since an
 * integration, webhook or endpoint of one organization is not another's).
 */
export function OrganizationSwitcher({ org, organizations }: { org: Organization; organizations: Organization[] }) {
  const [location, navigate] = useLocation();
  const section = `/${location.split('/')[1] ?? 'integrations'}`;
  return (
    <label className="org-switcher">
      <span className="muted">Organization</span>
      <select
        name="organization"
        aria-label="Organization"
        value={org.orgId}
        onChange={(event) => {
          const next = event.target.value;
          navigate(next ? `~${consoleBase}/orgs/${next}${section}` : `~${consoleBase}/orgs`);
        }}
      >
        {organizations
          .filter((candidate) => candidate.status === 'ACTIVE')
          .map((candidate) => (
            <option key={candidate.orgId} value={candidate.orgId}>
              {candidate.name}
            </option>
          ))}
        <option value="">All organizations…</option>
      </select>
    </label>
  );
}
