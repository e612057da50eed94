using System.Globalization;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Bot.Cli;

/// <summary>
/// <c>dotnet run --project bot -- partner-center check</c>: with the configuration the bot would use, gets a Partner
/// Center token and makes one cheap read (the first page of the partner's customers, <c>GET /v1/customers?size=1</c>),
/// then prints what it found or exactly what failed. Results go to the output (stdout), what failed and what to do to
/// the error writer (stderr), as <c>aws check</c> does. Exit code 0 when both worked, 1 otherwise. Changes nothing.
/// </summary>
public sealed class PartnerCenterCheckCommand(PartnerCenterClient client, TokenCredential credential, IOptions<PartnerCenterOptions> options)
{
    public const string Group = "partner-center";
    public const string Verb = "check";

    /// <summary>Whether the command line asks for this command (<c>partner-center check [--Key=value …]</c>).</summary>
    public static bool Matches(IReadOnlyList<string> args) =>
        args is [Group, Verb, ..];

    /// <summary>
    /// The entry point for <c>Program.cs</c>: builds the bot's configuration (appsettings.json, environment, user secrets in
    /// Development, and any <c>--PartnerCenter:Key=value</c> after the verb), registers the client and runs the check.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var builder = Host.CreateApplicationBuilder(args.Length > 2 ? args[2..] : []);
        builder.Logging.ClearProviders(); // the command reports on its output; the client's log lines would repeat it
        builder.Services.AddPartnerCenter();
        using var host = builder.Build();
        await output.WriteLineAsync(BotMode(builder.Configuration));
        PartnerCenterCheckCommand command;
        try
        {
            var services = host.Services;
            command = new PartnerCenterCheckCommand(
                services.GetRequiredService<PartnerCenterClient>(),
                services.GetRequiredKeyedService<TokenCredential>(PartnerCenterServiceCollectionExtensions.CredentialKey),
                services.GetRequiredService<IOptions<PartnerCenterOptions>>());
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("FAILED: the PartnerCenter configuration is invalid:");
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync("  " + failure);
            }

            return 1;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException or IOException)
        {
            await error.WriteLineAsync($"FAILED: the Partner Center credential could not be set up: {ex.Message}");
            return 1;
        }

        return await command.RunAsync(output, error, cancellationToken);
    }

    /// <summary>
    /// Whether the bot itself, with this configuration, uses Partner Center or the simulated one: a credential found by
    /// DefaultAzureCredential makes this check pass, but only a value under <c>PartnerCenter:</c> makes the bot real.
    /// </summary>
    public static string BotMode(IConfiguration configuration) =>
        CloudGatewayServiceCollectionExtensions.UsesRealPartnerCenter(configuration)
            ? "Bot mode: Partner Center (the PartnerCenter section is configured)"
            : "Bot mode: SIMULATED. Nothing is configured under PartnerCenter:, so the bot itself suspends in the simulated Partner Center "
              + "in its database, whatever this check finds. Set PartnerCenter__TenantId and PartnerCenter__ClientId to make it use Partner Center.";

    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        PartnerCenterOptions settings;
        try
        {
            settings = options.Value;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("FAILED: the PartnerCenter configuration is invalid: " + string.Join(" ", ex.Failures));
            return 1;
        }

        await output.WriteLineAsync($"Partner Center endpoint: {settings.EndpointUri}");
        await output.WriteLineAsync($"Signing in as: {Describe(settings)}");

        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([PartnerCenterOptions.Scope]), cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Token: acquired for {PartnerCenterOptions.Scope}, valid until {token.ExpiresOn:yyyy-MM-dd HH:mm} UTC."));
        }
        catch (Exception ex) when (ex is AuthenticationFailedException or CredentialUnavailableException)
        {
            await error.WriteLineAsync("FAILED: no Partner Center token from Entra ID: " + PartnerCenterCredentials.Explain(ex));
            await error.WriteLineAsync(Indent(ex.Message));
            await error.WriteLineAsync(settings.HasAppCredential
                ? "Check PartnerCenter:TenantId, PartnerCenter:ClientId and the secret or certificate (docs/partner-center.md)."
                : "No PartnerCenter:ClientSecret or PartnerCenter:CertificatePath is configured, so DefaultAzureCredential was asked; "
                  + "configure the app registration as docs/partner-center.md describes.");
            return 1;
        }

        try
        {
            var customers = await client.ListCustomersAsync(1, cancellationToken);
            var first = customers.Items.Count > 0 ? customers.Items[0] : null;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Partner Center answered GET /v1/customers?size=1: {customers.TotalCount} customer(s) on the first page."));
            if (first is not null)
            {
                await output.WriteLineAsync(
                    $"First customer: {first.CompanyProfile?.CompanyName ?? "(no name)"} ({first.CompanyProfile?.Domain ?? "no domain"}), tenant {first.Id}.");
            }

            await output.WriteLineAsync("OK: SesBot can reach Partner Center.");
            return 0;
        }
        catch (PartnerCenterException ex)
        {
            await error.WriteLineAsync($"FAILED ({ex.Kind}): {ex.Message}");
            return 1;
        }
    }

    private static string Describe(PartnerCenterOptions settings)
    {
        var app = $"app {settings.ClientId ?? "(no PartnerCenter:ClientId)"} in tenant {settings.TenantId ?? "(no PartnerCenter:TenantId)"}";
        if (!string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            return app + " with a client secret";
        }

        return !string.IsNullOrWhiteSpace(settings.CertificatePath)
            ? $"{app} with the certificate {settings.CertificatePath}"
            : "DefaultAzureCredential (no client secret or certificate configured)";
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(line => "  " + line.TrimEnd('\r')));
}
