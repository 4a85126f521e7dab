// `--header-per-account`: one header added to every request, whose value names the calling account —
// for emulators that pick the account from a header rather than from the access key.

/** A header sent with every request to the target, its value a template of the account. */
export interface AccountHeader {
  /** The header name. */
  readonly name: string;
  /** The value; `{account}` stands for the calling account's 12-digit ID. */
  readonly value: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Reads `NAME` (the value is the account ID) or `NAME=VALUE` (`{account}` in VALUE is replaced).
 *
 * @example
 * parseAccountHeader('x-account-id');            // { name: 'x-account-id', value: '{account}' }
 * parseAccountHeader('x-tenant=tenant-{account}'); // { name: 'x-tenant', value: 'tenant-{account}' }
 */
export function parseAccountHeader(text: string): AccountHeader {
  const eq = text.indexOf('=');
  const name = (eq === -1 ? text : text.slice(0, eq)).trim();
  if (!TOKEN.test(name)) throw new Error(`'${text}' is not a header: give NAME or NAME=VALUE ({account} stands for the account ID)`);
  return { name: name.toLowerCase(), value: eq === -1 ? '{account}' : text.slice(eq + 1) };
}

/** The headers of `accountId`'s requests. */
export function accountHeaders(headers: readonly AccountHeader[], accountId: string): Record<string, string> {
  return Object.fromEntries(headers.map((header) => [header.name, header.value.replaceAll('{account}', accountId)]));
}
