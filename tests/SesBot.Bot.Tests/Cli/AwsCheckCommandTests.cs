using System.Diagnostics;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Bot.Tests.Cli;

/// <summary>
/// <c>SesBot.Bot aws check</c> as an operator runs it: a separate process configured only through the environment
/// (<c>Aws__Endpoint</c>, <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c> through AWSSDK.Core's default chain),
/// against a local Organizations stand-in that verifies the signature.
/// </summary>
public sealed class AwsCheckCommandTests
{
    private static readonly StandInCredentials Keys = new("AKIDSESBOTCLI", "cli/secret/EXAMPLEKEY");

    [Fact]
    public async Task AwsCheck_OrganizationReachable_PrintsOrganizationManagementAndMemberCountExit0()
    {
        await using var server = await AwsStandInServer.StartAsync("organizations", (request, context) => AwsStandInServer.Json(context, 200,
            request.Operation switch
            {
                "DescribeOrganization" => """{"Organization":{"Id":"o-exampleorgid","MasterAccountId":"999988887777","MasterAccountEmail":"payer@example.com"}}""",
                _ when request.Body.Contains("NextToken", StringComparison.Ordinal) => """{"Accounts":[{"Id":"000000000002","State":"SUSPENDED"}]}""",
                _ => """{"Accounts":[{"Id":"999988887777","State":"ACTIVE"},{"Id":"000000000001","State":"ACTIVE"}],"NextToken":"p2"}""",
            }), Keys);

        var (exit, stdout, stderr) = await RunAsync(server.Url, Keys);

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        Assert.Contains("Bot mode:      AWS Organizations (the Aws section is configured)", stdout, StringComparison.Ordinal);
        Assert.Contains("Organization:  o-exampleorgid", stdout, StringComparison.Ordinal);
        Assert.Contains("Management:    999988887777 (payer@example.com)", stdout, StringComparison.Ordinal);
        Assert.Contains("Members:       2 member accounts (3 accounts in all)", stdout, StringComparison.Ordinal);
        Assert.Contains("AKID…TCLI", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Keys.SecretAccessKey, stdout, StringComparison.Ordinal);
        Assert.Equal(["DescribeOrganization", "ListAccounts", "ListAccounts"], server.Requests.Select(r => r.Operation));
        Assert.All(server.Requests, r => Assert.Null(r.SignatureProblem));
    }

    [Fact]
    public async Task AwsCheck_NothingConfigured_SaysTheBotRunsSimulatedAndWhyNoCredentialsWereFound()
    {
        var (exit, stdout, stderr) = await RunAsync(null, null);

        Assert.Equal(1, exit);
        Assert.Contains("Endpoint:      https://organizations.us-east-1.amazonaws.com/", stdout, StringComparison.Ordinal);
        Assert.Contains("Bot mode:      SIMULATED. Nothing is configured under Aws:", stdout, StringComparison.Ordinal);
        Assert.Contains("AWS check failed: NoCredentials: No AWS credentials found", stderr, StringComparison.Ordinal);
        Assert.Contains("What to do:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsCheck_AccessDenied_PrintsPreciseErrorExit1()
    {
        await using var server = await AwsStandInServer.StartAsync("organizations", (_, context) => AwsStandInServer.Json(context, 400,
            """{"__type":"AccessDeniedException","Message":"You don't have permissions to access this resource."}"""), Keys);

        var (exit, _, stderr) = await RunAsync(server.Url, Keys);

        Assert.Equal(1, exit);
        Assert.Contains("AWS check failed: AccessDeniedException: You don't have permissions to access this resource.", stderr, StringComparison.Ordinal);
        Assert.Contains("docs/aws.md", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsCheck_InvalidRoleArn_ConfigurationErrorExit1()
    {
        await using var server = await AwsStandInServer.StartAsync("organizations", (_, context) => AwsStandInServer.Json(context, 200, "{}"), Keys);

        var (exit, _, stderr) = await RunAsync(server.Url, Keys, ("Aws__RoleArn", "not-an-arn"));

        Assert.Equal(1, exit);
        Assert.Contains("invalid configuration", stderr, StringComparison.Ordinal);
        Assert.Contains("RoleArn", stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AwsCheck_NamedProfile_UsesProfileCredentials()
    {
        var profileKeys = new StandInCredentials("AKIDSESBOTPROFILE", "profile/secret/EXAMPLEKEY");
        await using var server = await AwsStandInServer.StartAsync("organizations", (request, context) => AwsStandInServer.Json(context, 200,
            request.Operation == "DescribeOrganization"
                ? """{"Organization":{"Id":"o-profileorg","MasterAccountId":"999988887777"}}"""
                : """{"Accounts":[{"Id":"999988887777","State":"ACTIVE"}]}"""), profileKeys);
        var file = Path.Combine(Directory.CreateTempSubdirectory("sesbot-aws-profile").FullName, "credentials");
        await File.WriteAllTextAsync(file, $"[sesbot-payer]\naws_access_key_id = {profileKeys.AccessKeyId}\naws_secret_access_key = {profileKeys.SecretAccessKey}\n");

        var (exit, stdout, stderr) = await RunAsync(server.Url, Keys, ("Aws__Profile", "sesbot-payer"), ("AWS_SHARED_CREDENTIALS_FILE", file));

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        Assert.Contains("Members:       0 member accounts (1 accounts in all)", stdout, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Null(r.SignatureProblem));
        Assert.All(server.Requests, r => Assert.Contains("Credential=AKIDSESBOTPROFILE/", r.Header("Authorization"), StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(Uri? endpoint, StandInCredentials? keys, params (string Name, string Value)[] extra)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "SesBot.Bot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("sesbot-aws-check").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { bot, "aws", "check" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Aws__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        if (endpoint is not null)
        {
            start.Environment["Aws__Endpoint"] = endpoint.ToString();
        }

        if (keys is not null)
        {
            start.Environment["AWS_ACCESS_KEY_ID"] = keys.AccessKeyId;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = keys.SecretAccessKey;
        }
        foreach (var (name, value) in extra)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
