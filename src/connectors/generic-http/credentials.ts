/**
 * Which credential fields each auth type needs. The hub cannot require them up front (they
 * depend on settings.auth.type), so the connector's `validate` names what is missing, and the
 * client reads them from here too.
 */
import type { FieldProblem } from '../../domain/errors';
import type { AuthSettings } from './settings';

export const credentialFieldsByAuthType: Record<AuthSettings['type'], readonly string[]> = {
  none: [],
  header: ['apiKey'],
  bearer: ['token'],
  basic: ['username', 'password'],
  oauth2: ['clientId', 'clientSecret', 'tokenUrl'],
};

export const allCredentialFields = [...new Set(Object.values(credentialFieldsByAuthType).flat())];

/** The secret ones (user names, client ids and URLs are not). */
export const secretCredentialFields = ['apiKey', 'token', 'password', 'clientSecret'] as const;

/** For a configuration form: which auth types use each field. */
export const credentialHelp: Record<string, string> = Object.fromEntries(
  allCredentialFields.map((field) => {
    const types = Object.entries(credentialFieldsByAuthType).filter(([, fields]) => fields.includes(field)).map(([type]) => `"${type}"`);
    return [field, `Required with settings auth.type ${types.join(' or ')}`];
  }),
);

/** `credentials.apiKey: is required for auth type "header"`, one problem per missing field. */
export function missingCredentials(type: AuthSettings['type'], credentials: Record<string, string>): FieldProblem[] {
  return credentialFieldsByAuthType[type]
    .filter((field) => !credentials[field])
    .map((field) => ({ path: `credentials.${field}`, message: `is required for auth type "${type}"` }));
}
