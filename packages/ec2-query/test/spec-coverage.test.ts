// Spec rules that had no row in docs/fidelity.md: each test pins what the protocol layer does today,
// named after the rule, and is cited from its row.
import { describe, expect, test } from 'vitest';
import { Ec2Endpoint } from '../src/index.js';

const form = (body: string) => ({ method: 'POST', path: '/', query: '', headers: {}, body });
const base = (action: string) => `Action=${action}&Version=2016-11-15`;

describe('DeleteTags (spec §7.1)', () => {
  test("DeleteTags' Tag.N list stops at 1,000 on the wire: Tag.1001 is InvalidRequest and nothing changes", async () => {
    const endpoint = new Ec2Endpoint();
    const created = await endpoint.handle(form(`${base('CreateVpc')}&CidrBlock=10.0.0.0%2F16`));
    const vpc = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(created.body)![1]!;
    expect((await endpoint.handle(form(`${base('CreateTags')}&ResourceId.1=${vpc}&Tag.1.Key=k&Tag.1.Value=v`))).status).toBe(200);
    const describeVpc = async () => (await endpoint.handle(form(`${base('DescribeVpcs')}&VpcId.1=${vpc}`))).body;
    expect(await describeVpc()).toContain('<key>k</key>');
    const before = endpoint.world;
    const over = await endpoint.handle(form(`${base('DeleteTags')}&ResourceId.1=${vpc}&Tag.1001.Key=k`));
    expect(over.status).toBe(400);
    expect(over.body).toContain('<Code>InvalidRequest</Code><Message>The list index in parameter Tag.1001.Key is over the limit of 1000</Message>');
    expect(endpoint.world).toBe(before);
    // Index 1,000 itself is read: the tag is deleted.
    expect((await endpoint.handle(form(`${base('DeleteTags')}&ResourceId.1=${vpc}&Tag.1000.Key=k`))).status).toBe(200);
    expect(await describeVpc()).not.toContain('<key>k</key>');
  });
});
