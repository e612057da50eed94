using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime.Internal.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Core.Tests.Gateways.Aws;

/// <summary>
/// The official AWS SDK for JavaScript (<c>@aws-sdk/client-organizations</c>, tests/node) and SesBot's client send the
/// same operations, with the same credentials and the same fixed clock, to one recording stand-in. Method, path,
/// target, content type, body (as JSON), date, token and the signature over the headers both sign must agree.
/// </summary>
public sealed class AwsOrganizationsDifferentialTests
{
    private static readonly DateTimeOffset FixedTime = DateTimeOffset.Parse("2026-12-04T12:34:56Z", CultureInfo.InvariantCulture);
    private static readonly StandInCredentials Keys = new("ASIASESBOTDIFF", "diff/secret/EXAMPLEKEY", "diff-session-token/+==");

    [Fact]
    public async Task AllOperations_SesBotAndJsSdk_SendEquivalentSignedRequests()
    {
        await using var server = await AwsStandInServer.StartAsync("organizations", Answer, Keys);

        var node = await RunJsSdkAsync(server.Url);
        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {node.Output}");
        var js = server.Requests.ToList();
        server.Requests.Clear();

        await RunSesBotAsync(server.Url);
        var ours = server.Requests.ToList();

        Assert.Equal(9, js.Count);
        Assert.Equal(js.Select(r => r.Operation), ours.Select(r => r.Operation));
        foreach (var (theirs, mine) in js.Zip(ours))
        {
            var op = mine.Operation;
            Assert.True(theirs.SignatureProblem is null, $"{op}: JS SDK signature rejected: {theirs.SignatureProblem}");
            Assert.True(mine.SignatureProblem is null, $"{op}: SesBot signature rejected: {mine.SignatureProblem}");
            Assert.Equal(theirs.Method, mine.Method);
            Assert.Equal(theirs.Path, mine.Path);
            Assert.Equal(theirs.Target, mine.Target);
            Assert.Equal(theirs.ContentType, mine.ContentType);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(theirs.Body), JsonNode.Parse(mine.Body)), $"{op}: bodies differ: {theirs.Body} vs {mine.Body}");
            foreach (var header in new[] { "host", "x-amz-date", "x-amz-security-token" })
            {
                Assert.Equal(theirs.Header(header), mine.Header(header));
            }

            // Fair signature comparison: the JS SDK signs extra headers of its own (amz-sdk-*, user agent); re-sign its
            // request over exactly the headers SesBot signs and compare with SesBot's own signature.
            var ourHeaders = SignedHeaders(mine);
            Assert.Subset(SignedHeaders(theirs).ToHashSet(), ourHeaders.ToHashSet());
            var theirsResigned = SignatureOver(theirs, ourHeaders);
            Assert.Equal(Signature(mine), SignatureOver(mine, ourHeaders));
            Assert.True(theirsResigned == Signature(mine), $"{op}: signatures over the common headers differ");
            Assert.Equal(CredentialScope(theirs), CredentialScope(mine));
        }
    }

    private static Task Answer(AwsStandInRequest request, HttpContext context)
    {
        // The JS SDK corrects its clock from the Date header; keep it on the fixed time.
        context.Response.Headers.Date = FixedTime.ToString("R", CultureInfo.InvariantCulture);
        var json = request.Operation switch
        {
            "DescribeOrganization" => """{"Organization":{"Id":"o-exampleorgid","MasterAccountId":"999988887777"}}""",
            "DescribeAccount" => """{"Account":{"Id":"111122223333","State":"ACTIVE"}}""",
            "ListAccounts" => """{"Accounts":[{"Id":"111122223333","State":"ACTIVE"}]}""",
            "ListTagsForResource" => """{"Tags":[]}""",
            "ListDelegatedServicesForAccount" => """{"DelegatedServices":[]}""",
            "ListInboundResponsibilityTransfers" => """{"ResponsibilityTransfers":[]}""",
            "TerminateResponsibilityTransfer" => """{"ResponsibilityTransfer":{"Id":"rt-coho7x2k9m4q","Status":"WITHDRAWN"}}""",
            _ => "{}",
        };
        return AwsStandInServer.Json(context, 200, json);
    }

    private static async Task RunSesBotAsync(Uri endpoint)
    {
        var clock = new FakeTimeProvider(FixedTime);
        using var signing = new SigV4SigningHandler(new FixedCredentials(Keys), clock, "us-east-1", "organizations")
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        using var http = new HttpClient(signing) { BaseAddress = endpoint };
        var client = new AwsOrganizationsClient(http, NullLogger<AwsOrganizationsClient>.Instance);
        await client.DescribeOrganizationAsync();
        await client.DescribeAccountAsync("111122223333");
        await client.ListAccountsAsync();
        await client.ListTagsForResourceAsync("111122223333");
        await client.ListDelegatedServicesForAccountAsync("111122223333");
        await client.RemoveAccountFromOrganizationAsync("111122223333");
        await client.ListInboundResponsibilityTransfersAsync();
        await client.FindInboundBillingTransferAsync("rt-coho7x2k9m4q");
        await client.TerminateResponsibilityTransferAsync("rt-coho7x2k9m4q", DateTimeOffset.Parse("2026-12-31T23:59:59Z", CultureInfo.InvariantCulture));
    }

    private static async Task<(int ExitCode, string Output)> RunJsSdkAsync(Uri endpoint)
    {
        var nodeDir = Path.Combine(RepositoryRoot(), "tests", "node");
        Assert.True(Directory.Exists(Path.Combine(nodeDir, "node_modules", "@aws-sdk", "client-organizations")),
            "Install the Node counterparts first: npm ci --prefix tests/node");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = nodeDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "aws-organizations-record.js", endpoint.GetLeftPart(UriPartial.Authority),
            FixedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Keys.AccessKeyId, Keys.SecretAccessKey, Keys.SessionToken!,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SesBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SesBot.sln not found above the test output.");
    }

    private static Dictionary<string, string> AuthorizationParts(AwsStandInRequest request) =>
        request.Header("Authorization")!["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    private static string[] SignedHeaders(AwsStandInRequest request) => AuthorizationParts(request)["SignedHeaders"].Split(';');

    private static string Signature(AwsStandInRequest request) => AuthorizationParts(request)["Signature"];

    private static string CredentialScope(AwsStandInRequest request) => AuthorizationParts(request)["Credential"];

    /// <summary>The signature of the request as received, over the given headers (computed with AWSSDK.Core's signer).</summary>
    private static string SignatureOver(AwsStandInRequest request, string[] names)
    {
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)));
        var canonical = new StringBuilder().Append(request.Method).Append('\n').Append(request.Path).Append("\n\n");
        foreach (var name in names)
        {
            canonical.Append(name).Append(':').Append(request.Header(name)!.Trim()).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', names)).Append('\n').Append(payloadHash);
        var signedAt = DateTime.ParseExact(request.Header("x-amz-date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return AWS4Signer.ComputeSignature(Keys.AccessKeyId, Keys.SecretAccessKey, "us-east-1", signedAt, "organizations",
            string.Join(';', names), canonical.ToString()).Signature;
    }

    private sealed class FixedCredentials(StandInCredentials keys) : IAwsCredentialSource
    {
        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(new AwsCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken));
    }
}
