using Microsoft.Extensions.Options;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;

namespace SesBot.Bot.Cli;

/// <summary>
/// <c>aws check</c>: resolves the credentials (and the role), calls DescribeOrganization and ListAccounts with the bot's
/// own configuration (<c>Aws:*</c>, environment, user secrets) and prints the organization, its management account
/// and how many member accounts it has, or the precise error. Exit code 0 when everything worked, 1 otherwise.
/// </summary>
public static class AwsCheckCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddAwsOrganizations();
        using var host = builder.Build();

        try
        {
            var options = host.Services.GetRequiredService<IOptions<AwsOrganizationsOptions>>().Value;
            await output.WriteLineAsync($"Endpoint:      {options.ResolveEndpoint()} (signing region {options.Region})").ConfigureAwait(false);
            await output.WriteLineAsync(CloudGatewayServiceCollectionExtensions.UsesRealAws(builder.Configuration)
                ? "Bot mode:      AWS Organizations (the Aws section is configured)"
                : "Bot mode:      SIMULATED. Nothing is configured under Aws:, so the bot itself uses the simulated organization in its "
                  + "database, whatever this check finds. Set Aws__RoleArn (or at least Aws__Region) to make it use AWS.").ConfigureAwait(false);

            var credentials = await host.Services.GetRequiredService<IAwsCredentialSource>()
                .GetCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
            var role = string.IsNullOrWhiteSpace(options.RoleArn) ? "none (base credentials used directly)" : $"{options.RoleArn} (assumed)";
            await output.WriteLineAsync($"Credentials:   {Mask(credentials.AccessKeyId)}{(credentials.SessionToken is null ? string.Empty : " with session token")}").ConfigureAwait(false);
            await output.WriteLineAsync($"Role:          {role}").ConfigureAwait(false);

            var client = host.Services.GetRequiredService<AwsOrganizationsClient>();
            var organization = await client.DescribeOrganizationAsync().ConfigureAwait(false);
            var accounts = await client.ListAccountsAsync().ConfigureAwait(false);
            var members = accounts.Count(a => a.Id != organization.MasterAccountId);
            await output.WriteLineAsync($"Organization:  {organization.Id}").ConfigureAwait(false);
            await output.WriteLineAsync($"Management:    {organization.MasterAccountId} ({organization.MasterAccountEmail})").ConfigureAwait(false);
            await output.WriteLineAsync($"Members:       {members} member accounts ({accounts.Count} accounts in all)").ConfigureAwait(false);
            foreach (var state in accounts.GroupBy(a => a.State ?? "UNKNOWN").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"               {state.Count()} {state.Key}").ConfigureAwait(false);
            }

            await output.WriteLineAsync("AWS check: OK").ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"AWS check failed: invalid configuration: {string.Join("; ", ex.Failures)}").ConfigureAwait(false);
            return 1;
        }
        catch (AwsOrganizationsException ex)
        {
            await error.WriteLineAsync($"AWS check failed: {ex.Error.Code}{(ex.Error.Reason is null ? string.Empty : $" ({ex.Error.Reason})")}: {ex.Error.Message}").ConfigureAwait(false);
            await error.WriteLineAsync($"What to do: {ex.Error.Guidance.SupportText}").ConfigureAwait(false);
            return 1;
        }
    }

    private static string Mask(string accessKeyId) =>
        accessKeyId.Length <= 8 ? "****" : $"{accessKeyId[..4]}…{accessKeyId[^4..]}";
}
