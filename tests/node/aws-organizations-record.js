// Sends the Organizations operations SesBot uses with the official AWS SDK for JavaScript to a local recording
// server, so SesBot's tests can compare its own client's requests with the SDK's, byte for byte where it matters.
// Usage: node aws-organizations-record.js <endpoint> <fixed ISO time> <access key> <secret> [session token]
// The clock is fixed (Date.now) so both clients sign with the same X-Amz-Date; the SDK does not retry.
'use strict';
const {
  OrganizationsClient,
  DescribeOrganizationCommand,
  DescribeAccountCommand,
  ListAccountsCommand,
  ListTagsForResourceCommand,
  ListDelegatedServicesForAccountCommand,
  RemoveAccountFromOrganizationCommand,
  ListInboundResponsibilityTransfersCommand,
  TerminateResponsibilityTransferCommand,
} = require('@aws-sdk/client-organizations');

async function main() {
  const [endpoint, fixedTime, accessKeyId, secretAccessKey, sessionToken] = process.argv.slice(2);
  if (!endpoint || !fixedTime || !accessKeyId || !secretAccessKey) {
    throw new Error('usage: aws-organizations-record.js <endpoint> <fixed ISO time> <access key> <secret> [session token]');
  }
  const fixed = Date.parse(fixedTime);
  Date.now = () => fixed;

  const client = new OrganizationsClient({
    endpoint,
    region: 'us-east-1',
    maxAttempts: 1,
    systemClockOffset: 0,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
  });
  const accountId = '111122223333';
  const commands = [
    new DescribeOrganizationCommand({}),
    new DescribeAccountCommand({ AccountId: accountId }),
    new ListAccountsCommand({ MaxResults: 20 }),
    new ListTagsForResourceCommand({ ResourceId: accountId }),
    new ListDelegatedServicesForAccountCommand({ AccountId: accountId, MaxResults: 20 }),
    new RemoveAccountFromOrganizationCommand({ AccountId: accountId }),
    new ListInboundResponsibilityTransfersCommand({ Type: 'BILLING', MaxResults: 20 }),
    new ListInboundResponsibilityTransfersCommand({ Type: 'BILLING', Id: 'rt-coho7x2k9m4q', MaxResults: 20 }),
    new TerminateResponsibilityTransferCommand({ Id: 'rt-coho7x2k9m4q', EndTimestamp: new Date('2026-12-31T23:59:59Z') }),
  ];
  const results = [];
  for (const command of commands) {
    const name = command.constructor.name.replace(/Command$/, '');
    try {
      const output = await client.send(command);
      results.push({ operation: name, ok: true, httpStatusCode: output.$metadata.httpStatusCode });
    } catch (error) {
      results.push({ operation: name, ok: false, error: error.name, message: error.message });
    }
  }
  process.stdout.write(JSON.stringify(results) + '\n');
  if (results.some((r) => !r.ok)) {
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exitCode = 2;
});
