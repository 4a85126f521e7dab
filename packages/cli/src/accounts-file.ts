// The file of `serve --accounts FILE`: which account each access key calls as, the secrets that
// `--verify-signatures` checks signatures against, and the caller of unsigned requests. Read and
// checked whole when the command line is, so a typo is a usage error naming the flag, not a crash.
import { readFileSync } from 'node:fs';
import type { IdentityOptions, SignatureOptions } from '@pcxsim/ec2-query';
import { UsageError } from './flags.js';

/** What an accounts file holds, checked. */
export interface AccountsFile {
  /** Access keys to accounts, for the endpoint's identity. */
  readonly identity: IdentityOptions;
  /** The secret of each access key that has one, for `--verify-signatures`. */
  readonly secrets: SignatureOptions['secrets'];
}

const ACCOUNT_ID = /^\d{12}$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads `{"accessKeys": {"AKIA…": {"accountId": "111111111111", "secretAccessKey": "…"}},
 * "defaultAccountId": "…", "defaultRegion": "…"}` from `path`; every member is optional.
 */
export function readAccountsFile(path: string, flag: string): AccountsFile {
  const refuse = (why: string): never => {
    throw new UsageError(`${flag} ${path}: ${why}`);
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    refuse(`cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    refuse(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) return refuse('must hold a JSON object');
  const { accessKeys = {}, defaultAccountId, defaultRegion, ...unknown } = json;
  const stray = Object.keys(unknown)[0];
  if (stray !== undefined) refuse(`'${stray}' is not a member (accessKeys, defaultAccountId, defaultRegion are)`);
  if (!isObject(accessKeys)) return refuse('accessKeys must map access key IDs to {"accountId": "…", "secretAccessKey": "…"}');
  const accounts: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [key, entry] of Object.entries(accessKeys)) {
    if (!isObject(entry) || typeof entry['accountId'] !== 'string' || !ACCOUNT_ID.test(entry['accountId'])) {
      refuse(`accessKeys.${key}.accountId must be a 12-digit account ID`);
    }
    const { accountId, secretAccessKey } = entry as { accountId: string; secretAccessKey?: unknown };
    accounts[key] = accountId;
    if (secretAccessKey === undefined) continue;
    if (typeof secretAccessKey !== 'string' || secretAccessKey === '') refuse(`accessKeys.${key}.secretAccessKey must be a non-empty string`);
    secrets[key] = secretAccessKey as string;
  }
  if (defaultAccountId !== undefined && (typeof defaultAccountId !== 'string' || !ACCOUNT_ID.test(defaultAccountId))) {
    refuse('defaultAccountId must be a 12-digit account ID');
  }
  if (defaultRegion !== undefined && (typeof defaultRegion !== 'string' || defaultRegion === '')) refuse('defaultRegion must be a Region name');
  return {
    identity: {
      accounts,
      ...(defaultAccountId === undefined ? {} : { defaultAccountId: defaultAccountId as string }),
      ...(defaultRegion === undefined ? {} : { defaultRegion: defaultRegion as string }),
    },
    secrets,
  };
}
