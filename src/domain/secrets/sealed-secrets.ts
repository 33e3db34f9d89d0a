/**
 * The one owner of secrets at rest. Every sealed column of the database is listed here with the
 * name its values are bound to (associated data `orgId/rowId/field`: a value copied to another
 * row, org or column does not open), so sealing, opening and re-sealing after a key rotation
 * agree on it. A new sealed column is added here, and `secrets reseal` covers it from then on.
 */
import type { Integration, WebhookEndpoint } from '../../generated/sqlite/client';
import type { Keyring } from '../../lib/crypto/keyring';

type SealedColumnOf<Row> = { [Column in keyof Row]: Column extends `${string}Sealed` ? Column : never }[keyof Row];

type SealedColumn =
  | { model: 'integration'; column: SealedColumnOf<Integration>; field: string }
  | { model: 'webhookEndpoint'; column: SealedColumnOf<WebhookEndpoint>; field: string };

export const sealedColumns = {
  integrationCredentials: { model: 'integration', column: 'credentialsSealed', field: 'credentials' },
  integrationWebhookSecret: { model: 'integration', column: 'webhookSecretSealed', field: 'webhookSecret' },
  integrationPreviousWebhookSecret: { model: 'integration', column: 'previousWebhookSecretSealed', field: 'previousWebhookSecret' },
  endpointSecret: { model: 'webhookEndpoint', column: 'secretSealed', field: 'secret' },
  endpointPreviousSecret: { model: 'webhookEndpoint', column: 'previousSecretSealed', field: 'previousSecret' },
} as const satisfies Record<string, SealedColumn>;

export type SecretKind = keyof typeof sealedColumns;
export const secretKinds = Object.keys(sealedColumns) as SecretKind[];

/** The row a secret belongs to. */
export interface SecretOwner {
  orgId: string;
  id: string;
}

export class SealedSecrets {
  constructor(private readonly keyring: Keyring) {}

  get activeKeyId(): string {
    return this.keyring.activeKeyId;
  }

  seal(kind: SecretKind, owner: SecretOwner, value: string): string {
    return this.keyring.seal(value, associatedData(kind, owner));
  }

  /** The plaintext; an optional secret that is not set (null) stays null. */
  open(kind: SecretKind, owner: SecretOwner, sealed: string): string;
  open(kind: SecretKind, owner: SecretOwner, sealed: string | null): string | null;
  open(kind: SecretKind, owner: SecretOwner, sealed: string | null): string | null {
    return sealed === null ? null : this.keyring.open(sealed, associatedData(kind, owner));
  }

  /** True when the value was sealed with an older key. */
  isStale(sealed: string): boolean {
    return this.keyring.needsResealing(sealed);
  }
}

function associatedData(kind: SecretKind, owner: SecretOwner): string {
  return `${owner.orgId}/${owner.id}/${sealedColumns[kind].field}`;
}
