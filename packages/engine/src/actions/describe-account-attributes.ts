// DescribeAccountAttributes: the account's EC2 attributes (account-attributes.ts), all of them or those named.
import { ACCOUNT_ATTRIBUTE_NAMES, ACCOUNT_ATTRIBUTES, accountAttributeView } from '../account-attributes.js';
import { notOneOf } from '../errors.js';
import { stringList } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { DescribeAccountAttributesCommand } from '../read-model-commands.js';
import type { DescribeAccountAttributesOutput } from '../read-model-outputs.js';
import type { Tx } from '../tx.js';

/** DescribeAccountAttributes; an unknown name is `InvalidParameterValue` [?]. */
export function describeAccountAttributes(_tx: Tx, command: DescribeAccountAttributesCommand): Outcome<DescribeAccountAttributesOutput> {
  const names = stringList(command.AttributeNames, 'AttributeName');
  if (!names.ok) return names;
  for (const name of names.value) if (!ACCOUNT_ATTRIBUTE_NAMES.includes(name)) return refuse(notOneOf(name, 'AttributeName', ACCOUNT_ATTRIBUTE_NAMES));
  const wanted = names.value.length > 0 ? new Set(names.value) : null;
  return done({ AccountAttributes: ACCOUNT_ATTRIBUTES.filter(([name]) => wanted === null || wanted.has(name)).map(accountAttributeView) });
}
