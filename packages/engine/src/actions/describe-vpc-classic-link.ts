// DescribeVpcClassicLink and DescribeVpcClassicLinkDnsSupport. EC2-Classic was retired on
// 2022-08-15 and no account here ever had it: EC2 answers these calls, in a Region without
// EC2-Classic, `UnsupportedOperation` "The functionality you requested is not available in this
// region." [obs] (aws/aws-sdk-java#754, hashicorp/terraform-provider-aws#17460). Clients expect
// exactly that: amazon.aws.ec2_vpc_net matches the message, ec2_vpc_net_info the code. Whether AWS
// checks the request first (a malformed VPC ID) is not known [?]: the answer is the same for any input.
import { unsupportedOperation } from '../errors.js';
import { refuse, type Outcome } from '../outcome.js';
import type { DescribeVpcClassicLinkCommand, DescribeVpcClassicLinkDnsSupportCommand } from '../read-model-commands.js';
import type { DescribeVpcClassicLinkDnsSupportOutput, DescribeVpcClassicLinkOutput } from '../read-model-outputs.js';
import type { Tx } from '../tx.js';

/** DescribeVpcClassicLink: always `UnsupportedOperation`. */
export const describeVpcClassicLink = (_tx: Tx, _command: DescribeVpcClassicLinkCommand): Outcome<DescribeVpcClassicLinkOutput> =>
  refuse(unsupportedOperation());

/** DescribeVpcClassicLinkDnsSupport: always `UnsupportedOperation`. */
export const describeVpcClassicLinkDnsSupport = (
  _tx: Tx,
  _command: DescribeVpcClassicLinkDnsSupportCommand,
): Outcome<DescribeVpcClassicLinkDnsSupportOutput> => refuse(unsupportedOperation());
