using System.Globalization;
using System.Web;
using Amazon.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Core.Tests.Gateways.Aws;

/// <summary>
/// Assume-role into the payer account: AWSSDK.SecurityToken pointed (ServiceURL) at a local STS stand-in that checks
/// its signature and issues session credentials, which the Organizations stand-in then requires.
/// </summary>
public sealed class AwsCredentialSourceTests
{
    private const string RoleArn = "arn:aws:iam::999988887777:role/SesBotOrganizations";
    private static readonly StandInCredentials BaseKeys = new("AKIDSESBOTBASE", "base/secret/EXAMPLEKEY");
    private static readonly StandInCredentials Session1 = new("ASIASESBOTROLE1", "role/secret/one", "token-one/+=");
    private static readonly StandInCredentials Session2 = new("ASIASESBOTROLE2", "role/secret/two", "token-two/+=");

    [Fact]
    public async Task Calls_WithRoleArn_AssumeRoleOnceAndRenewNearExpiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T12:00:00Z", CultureInfo.InvariantCulture));
        var issued = 0;
        await using var sts = await AwsStandInServer.StartAsync("sts", (request, context) =>
        {
            var session = Interlocked.Increment(ref issued) == 1 ? Session1 : Session2;
            return StsCredentials(context, session, clock.GetUtcNow().AddHours(1));
        }, BaseKeys);
        AwsCredentialSource? source = null;
        await using var harness = await OrganizationsHarness.StartAsync(
            OrganizationsHarness.Answer(_ => """{"Organization":{"Id":"o-exampleorgid","MasterAccountId":"999988887777"}}"""),
            new Dictionary<string, string?>
            {
                ["Aws:RoleArn"] = RoleArn,
                ["Aws:ExternalId"] = "ses-external-42",
                ["Aws:StsEndpoint"] = sts.Url.ToString(),
            },
            serverKeys: Session1,
            credentials: sp => source = new AwsCredentialSource(
                sp.GetRequiredService<IOptions<AwsOrganizationsOptions>>(), clock, NullLogger<AwsCredentialSource>.Instance,
                new BasicAWSCredentials(BaseKeys.AccessKeyId, BaseKeys.SecretAccessKey)));

        await harness.Client.DescribeOrganizationAsync();
        await harness.Client.DescribeOrganizationAsync();
        clock.Advance(TimeSpan.FromMinutes(50));
        await harness.Client.DescribeOrganizationAsync();

        var assume = Assert.Single(sts.Requests);
        Assert.Null(assume.SignatureProblem);
        var form = HttpUtility.ParseQueryString(assume.Body);
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal(RoleArn, form["RoleArn"]);
        Assert.Equal("sesbot", form["RoleSessionName"]);
        Assert.Equal("ses-external-42", form["ExternalId"]);
        Assert.Equal("3600", form["DurationSeconds"]);
        Assert.Equal(3, harness.Server.Requests.Count);
        Assert.All(harness.Server.Requests, r => Assert.Null(r.SignatureProblem));
        Assert.All(harness.Server.Requests, r => Assert.Equal(Session1.SessionToken, r.Header("X-Amz-Security-Token")));

        clock.Advance(TimeSpan.FromMinutes(6)); // 4 minutes before expiry: inside the refresh margin
        var renewed = await source!.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(Session2.AccessKeyId, renewed.AccessKeyId);
        Assert.Equal(Session2.SessionToken, renewed.SessionToken);
        Assert.Equal(2, sts.Requests.Count);
        Assert.Equal(2, source.AssumeRoleCount);
    }

    [Fact]
    public async Task GetCredentials_StsDenies_CredentialsUnavailableWithCode()
    {
        await using var sts = await AwsStandInServer.StartAsync("sts", (_, context) =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/xml";
            return context.Response.WriteAsync(
                """<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""");
        }, BaseKeys);
        using var source = new AwsCredentialSource(
            Options.Create(new AwsOrganizationsOptions { RoleArn = RoleArn, StsEndpoint = sts.Url }),
            TimeProvider.System,
            NullLogger<AwsCredentialSource>.Instance,
            new BasicAWSCredentials(BaseKeys.AccessKeyId, BaseKeys.SecretAccessKey));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => source.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Equal(AwsErrorKind.CredentialsUnavailable, ex.Kind);
        Assert.Equal("AccessDenied", ex.Error.Code);
        Assert.Contains(RoleArn, ex.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_NoRole_ReturnsBaseCredentialsWithToken()
    {
        using var source = new AwsCredentialSource(
            Options.Create(new AwsOrganizationsOptions()),
            TimeProvider.System,
            NullLogger<AwsCredentialSource>.Instance,
            new SessionAWSCredentials("ASIABASE", "secret", "base-token"));

        var credentials = await source.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(new AwsCredentials("ASIABASE", "secret", "base-token"), credentials);
        Assert.DoesNotContain("secret", credentials.ToString(), StringComparison.Ordinal);
    }

    private static Task StsCredentials(HttpContext context, StandInCredentials session, DateTimeOffset expiration)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml";
        var expires = expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return context.Response.WriteAsync($"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:sesbot</AssumedRoleId><Arn>arn:aws:sts::999988887777:assumed-role/SesBotOrganizations/sesbot</Arn></AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>{session.AccessKeyId}</AccessKeyId>
                  <SecretAccessKey>{session.SecretAccessKey}</SecretAccessKey>
                  <SessionToken>{session.SessionToken}</SessionToken>
                  <Expiration>{expires}</Expiration>
                </Credentials>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """);
    }
}
