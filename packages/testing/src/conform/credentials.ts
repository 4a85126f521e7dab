// How the checker signs as each account on the target. pcxsim's convention (and floci's) is that a
// 12-digit access key ID is the account, so that is the default; other emulators, and real AWS, need
// real keys, and some want an extra header naming the account. A credentials file maps each account
// to its keys and headers.

/** How the checker calls the target as one account. */
export interface AccountCredentials {
  /** The access key ID; default the 12-digit account ID itself. */
  readonly accessKeyId: string;
  /** The secret access key. */
  readonly secretAccessKey: string;
  /** A session token, for temporary credentials. */
  readonly sessionToken?: string;
  /** Extra headers sent (and signed) with every request of this account. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A credentials file: account ID → credentials. */
export type CredentialsByAccount = Readonly<Record<string, AccountCredentials>>;

/** The secret used when none is configured: pcxsim and most emulators do not check signatures. */
export const DEFAULT_SECRET_ACCESS_KEY = 'pcxsim-conform';

/** The default credentials of `accountId`: the account ID is the access key (pcxsim's convention). */
export function defaultCredentials(accountId: string): AccountCredentials {
  return { accessKeyId: accountId, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY };
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/**
 * Reads a credentials file: a JSON object of account ID → `{ accessKeyId, secretAccessKey,
 * sessionToken?, headers? }`. Throws an Error that names the first bad entry.
 *
 * @example
 * parseCredentials('{"111111111111": {"accessKeyId": "AKIA…", "secretAccessKey": "…", "headers": {"x-account": "111111111111"}}}');
 */
export function parseCredentials(text: string): CredentialsByAccount {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`the credentials file is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the credentials file must be a JSON object of account ID → credentials');
  const result: Record<string, AccountCredentials> = {};
  for (const [account, entry] of Object.entries(parsed)) {
    const where = `credentials of ${account}`;
    if (!/^\d{12}$/.test(account)) throw new Error(`${where}: the key must be a 12-digit account ID`);
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: must be an object`);
    const { accessKeyId, secretAccessKey, sessionToken, headers } = entry as Record<string, unknown>;
    if (typeof accessKeyId !== 'string' || accessKeyId === '') throw new Error(`${where}: accessKeyId must be a non-empty string`);
    if (typeof secretAccessKey !== 'string') throw new Error(`${where}: secretAccessKey must be a string`);
    if (sessionToken !== undefined && typeof sessionToken !== 'string') throw new Error(`${where}: sessionToken must be a string`);
    if (headers !== undefined && !isStringRecord(headers)) throw new Error(`${where}: headers must be an object of header name → string`);
    result[account] = {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken === undefined ? {} : { sessionToken }),
      ...(headers === undefined ? {} : { headers }),
    };
  }
  return result;
}
