// `pcxsim serve`'s request log line is written field by field (serve.ts, for speed); the law it keeps:
// it is exactly what JSON.stringify gives of the fields it names, in that order, an absent one left
// out — whatever the strings hold (quotes, control characters, lone surrogates) and whatever the time.
import type { AnsweredRequest } from '@pcxsim/ec2-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logLine } from '../src/serve.js';

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const text = fc.string({ unit: 'binary' });

const answered: fc.Arbitrary<AnsweredRequest> = fc.record(
  {
    method: fc.constantFrom('GET', 'POST'),
    path: fc.constant('/'),
    action: optional(text),
    accountId: optional(fc.oneof(fc.stringMatching(/^\d{12}$/), text)),
    region: optional(text),
    status: fc.constantFrom(200, 400, 403, 413, 500, 503),
    errorCode: optional(text),
    requestId: optional(fc.uuid()),
    cause: text,
    ms: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(Number.NaN)),
  },
  { requiredKeys: ['method', 'path', 'action', 'accountId', 'region', 'status', 'errorCode', 'requestId', 'ms'] },
);

describe('serve log line', () => {
  it('is JSON.stringify of its fields, in order, absent ones left out', () => {
    fc.assert(
      fc.property(answered, (request) => {
        const expected = `${JSON.stringify({
          action: request.action ?? null,
          account: request.accountId,
          region: request.region,
          status: request.status,
          ...(request.errorCode === undefined ? {} : { error: request.errorCode }),
          ms: Math.round(request.ms * 100) / 100,
          ...(request.cause === undefined ? {} : { cause: request.cause }),
        })}\n`;
        expect(logLine(request)).toBe(expected);
      }),
    );
  });

  it('reads back as the fields a user greps for', () => {
    const line = logLine({ method: 'POST', path: '/', action: 'CreateVpc', accountId: '111111111111', region: 'us-east-1', status: 400, errorCode: 'InvalidParameterValue', requestId: 'x', ms: 0.1234 });
    expect(JSON.parse(line)).toEqual({ action: 'CreateVpc', account: '111111111111', region: 'us-east-1', status: 400, error: 'InvalidParameterValue', ms: 0.12 });
  });
});
