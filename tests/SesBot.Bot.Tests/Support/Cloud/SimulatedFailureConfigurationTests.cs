using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Gateways.Simulated;

namespace SesBot.Bot.Tests.Support.Cloud;

/// <summary>
/// <c>Simulation:Failures</c> (docs/aws.md §6): the real bot started on a fresh SQLite file with an error chosen for a
/// demo account; the simulated gateway the host registered then raises exactly that typed error. Entries that do not fit
/// are warned about without stopping the start; with real gateways the configuration touches nothing.
/// </summary>
public sealed class SimulatedFailureConfigurationTests : IDisposable
{
    private const string AdventureWorksWeb = "345678901234"; // ordinary member
    private const string ContosoProduction = "123456789012"; // ordinary member
    private const string LitwareMarketing = SimulatedScenarios.PaymentInstrumentAccount;
    private const string TailspinProduction = "9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d"; // active
    private const string CohoTransfer = "rt-coho7x2k9m4q";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "sesbot-simfail-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingLoggerProvider _logs = new();

    public static TheoryData<string> PartnerCenterKinds => [.. Enum.GetNames<PartnerCenterErrorKind>()];

    [Theory]
    [InlineData("AccessDenied", AwsErrorKind.AccessDenied, null)]
    [InlineData("AwsOrganizationsNotInUse", AwsErrorKind.AwsOrganizationsNotInUse, null)]
    [InlineData("ConcurrentModification", AwsErrorKind.ConcurrentModification, null)]
    [InlineData("TooManyRequests", AwsErrorKind.TooManyRequests, null)]
    [InlineData("MasterCannotLeaveOrganization", AwsErrorKind.MasterCannotLeaveOrganization, null)]
    [InlineData("ConstraintViolation:ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA", AwsErrorKind.ConstraintViolation, "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA")]
    [InlineData(" constraintviolation:member_account_payment_instrument_required ", AwsErrorKind.ConstraintViolation, "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED")]
    [InlineData("OutcomeUnknown", AwsErrorKind.OutcomeUnknown, null)]
    [InlineData("OutcomeUnknownAfterRemoval", AwsErrorKind.OutcomeUnknown, null)]
    public async Task Start_AwsFailureConfiguredOnDemoAccount_RemovalRaisesThatTypedError(string code, AwsErrorKind kind, string? reason)
    {
        await using var bot = await StartAsync(($"Simulation:Failures:{AdventureWorksWeb}", code));
        var gateway = bot.Services.GetRequiredService<IAwsOrganizationGateway>();
        Assert.True(gateway.IsSimulated);

        var error = await Assert.ThrowsAsync<AwsOrganizationsException>(() => gateway.RemoveAccountAsync(AdventureWorksWeb, CancellationToken.None));

        Assert.Equal((kind, reason), (error.Error.Kind, error.Error.Reason));
        Assert.Contains("Simulated", error.Error.Message, StringComparison.Ordinal);
        var readRefused = kind is AwsErrorKind.AccessDenied or AwsErrorKind.AwsOrganizationsNotInUse;
        if (readRefused)
        {
            var read = await Assert.ThrowsAsync<AwsOrganizationsException>(() => gateway.ReadAccountAsync(AdventureWorksWeb, CancellationToken.None));
            Assert.Equal(kind, read.Error.Kind);
        }
        else
        {
            var facts = await gateway.ReadAccountAsync(AdventureWorksWeb, CancellationToken.None);
            Assert.Equal(code != "OutcomeUnknownAfterRemoval", facts.IsMember);
        }

        Assert.Equal(1L, Scalar($"SELECT RemoveCalls FROM SimulatedAwsAccounts WHERE AccountId = '{AdventureWorksWeb}'"));
        var applied = Assert.Single(_logs.Entries, e => e.EventId == 9450);
        Assert.Contains(AdventureWorksWeb, applied.Message, StringComparison.Ordinal);
        Assert.Contains("simulated", applied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning && e.EventId is >= 9400 and < 9500);
    }

    [Theory]
    [MemberData(nameof(PartnerCenterKinds))]
    public async Task Start_PartnerCenterFailureConfiguredOnDemoSubscription_SuspensionRaisesThatKind(string kind)
    {
        await using var bot = await StartAsync(($"Simulation:Failures:{TailspinProduction}", kind));
        var gateway = bot.Services.GetRequiredService<IAzureSubscriptionGateway>();
        Assert.True(gateway.IsSimulated);

        var error = await Assert.ThrowsAsync<PartnerCenterException>(
            () => gateway.SuspendAsync(SimulatedScenarios.TenantOf("c-tailspin"), TailspinProduction, CancellationToken.None));

        Assert.Equal(Enum.Parse<PartnerCenterErrorKind>(kind), error.Kind);
        Assert.Equal(PartnerCenterSubscriptionStatus.Active, (await gateway.ReadAsync(SimulatedScenarios.TenantOf("c-tailspin"), TailspinProduction, CancellationToken.None)).Status);
        Assert.Equal(1L, Scalar($"SELECT PatchCalls FROM SimulatedAzureSubscriptions WHERE SubscriptionId = '{TailspinProduction}'"));
        Assert.Single(_logs.Entries, e => e.EventId == 9450 && e.Message.Contains(TailspinProduction, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AccessDenied", AwsErrorKind.AccessDenied, null)]
    [InlineData("AwsOrganizationsNotInUse", AwsErrorKind.AwsOrganizationsNotInUse, null)]
    [InlineData("ConcurrentModification", AwsErrorKind.ConcurrentModification, null)]
    [InlineData("TooManyRequests", AwsErrorKind.TooManyRequests, null)]
    [InlineData("ResponsibilityTransferNotFound", AwsErrorKind.ResponsibilityTransferNotFound, null)]
    [InlineData("InvalidResponsibilityTransferTransition", AwsErrorKind.InvalidResponsibilityTransferTransition, null)]
    [InlineData("ResponsibilityTransferAlreadyInStatus", AwsErrorKind.ResponsibilityTransferAlreadyInStatus, null)]
    [InlineData("UnsupportedApiEndpoint", AwsErrorKind.UnsupportedApiEndpoint, null)]
    [InlineData("ConstraintViolation:EXAMPLE_REASON", AwsErrorKind.ConstraintViolation, "EXAMPLE_REASON")]
    [InlineData("OutcomeUnknown", AwsErrorKind.OutcomeUnknown, null)]
    [InlineData("OutcomeUnknownAfterEnd", AwsErrorKind.OutcomeUnknown, null)]
    public async Task Start_TransferFailureConfiguredOnDemoTransfer_EndingRaisesThatTypedError(string code, AwsErrorKind kind, string? reason)
    {
        await using var bot = await StartAsync(($"Simulation:Failures:{CohoTransfer}", code));
        var gateway = bot.Services.GetRequiredService<IAwsBillingTransferGateway>();

        var error = await Assert.ThrowsAsync<AwsOrganizationsException>(
            () => gateway.EndTransferAsync(CohoTransfer, new DateTimeOffset(2030, 1, 31, 23, 59, 59, TimeSpan.Zero), CancellationToken.None));

        Assert.Equal((kind, reason), (error.Error.Kind, error.Error.Reason));
        var after = await gateway.ReadTransferAsync(CohoTransfer, CancellationToken.None);
        Assert.Equal(code == "OutcomeUnknownAfterEnd" ? BillingTransferFacts.Withdrawn : BillingTransferFacts.Accepted, after!.Status);
        Assert.Equal(1L, Scalar($"SELECT TerminateCalls FROM SimulatedBillingTransfers WHERE TransferId = '{CohoTransfer}'"));
    }

    [Fact]
    public async Task Start_UnknownCodesAndIds_WarnsNamingThemStartsAndAppliesTheRest()
    {
        await using var bot = await StartAsync(
            ($"Simulation:Failures:{AdventureWorksWeb}", "NoSuchError"),
            ("Simulation:Failures:567890123456", "Throttled"), // a Partner Center kind on an AWS account
            ("Simulation:Failures:456789012345", "ConstraintViolation:"),
            ("Simulation:Failures:999999999999", "AccessDenied"),
            ($"Simulation:Failures:{ContosoProduction}", "TooManyRequests"),
            ($"Simulation:Failures:{LitwareMarketing}", string.Empty),
            ("Simulation:Failures:7A6B5C4D-3E2F-4A1B-9C8D-7E6F5A4B3C2D", string.Empty)); // Lucerne Trial, upper case

        using var health = await bot.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        health.EnsureSuccessStatusCode();
        var warnings = _logs.Entries.Where(e => e.Level == LogLevel.Warning && e.EventId is >= 9400 and < 9500).ToList();
        Assert.Equal(4, warnings.Count);
        var unknownCode = Assert.Single(warnings, w => w.Message.StartsWith($"Simulation:Failures:{AdventureWorksWeb} ", StringComparison.Ordinal));
        Assert.Equal(9452, unknownCode.EventId);
        Assert.Contains("\"NoSuchError\"", unknownCode.Message, StringComparison.Ordinal);
        Assert.Contains("AccessDenied, AwsOrganizationsNotInUse, ConcurrentModification, TooManyRequests, MasterCannotLeaveOrganization, "
            + "ConstraintViolation:<REASON>, OutcomeUnknown, OutcomeUnknownAfterRemoval", unknownCode.Message, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.EventId == 9452 && w.Message.Contains("567890123456", StringComparison.Ordinal) && w.Message.Contains("\"Throttled\"", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.EventId == 9452 && w.Message.Contains("456789012345", StringComparison.Ordinal));
        var unknownId = Assert.Single(warnings, w => w.EventId == 9453);
        Assert.Contains("Simulation:Failures:999999999999", unknownId.Message, StringComparison.Ordinal);
        Assert.Contains(AdventureWorksWeb, unknownId.Message, StringComparison.Ordinal); // the ids that do exist
        Assert.Contains(CohoTransfer, unknownId.Message, StringComparison.Ordinal);
        Assert.Contains("(15 in all", unknownId.Message, StringComparison.Ordinal);

        // Skipped entries left their rows as seeded; the others were applied, each logged once.
        Assert.Equal(0L, Scalar($"SELECT COUNT(*) FROM SimulatedAwsAccounts WHERE AccountId IN ('{AdventureWorksWeb}', '456789012345', '567890123456') AND Failure IS NOT NULL"));
        Assert.Equal("TooManyRequests", Text($"SELECT Failure FROM SimulatedAwsAccounts WHERE AccountId = '{ContosoProduction}'"));
        Assert.Null(Text($"SELECT Failure FROM SimulatedAwsAccounts WHERE AccountId = '{LitwareMarketing}'"));
        Assert.Null(Text($"SELECT Failure FROM SimulatedAzureSubscriptions WHERE SubscriptionId = '{SimulatedScenarios.ForbiddenSubscription}'"));
        Assert.Single(_logs.Entries, e => e.EventId == 9450);
        Assert.Equal(2, _logs.Entries.Count(e => e.EventId == 9451));

        // Cleared: the seeded refusals are gone, so Litware leaves and Lucerne is suspended.
        var aws = bot.Services.GetRequiredService<IAwsOrganizationGateway>();
        await aws.RemoveAccountAsync(LitwareMarketing, CancellationToken.None);
        Assert.False(await aws.IsMemberAsync(LitwareMarketing, CancellationToken.None));
        var azure = bot.Services.GetRequiredService<IAzureSubscriptionGateway>();
        var suspension = await azure.SuspendAsync(SimulatedScenarios.TenantOf("c-lucerne"), SimulatedScenarios.ForbiddenSubscription, CancellationToken.None);
        Assert.Equal(SuspensionOutcome.Suspended, suspension.Outcome);
    }

    [Fact]
    public async Task Start_AgainWithoutTheEntry_RowKeepsTheLastAppliedFailure()
    {
        await using (await StartAsync(($"Simulation:Failures:{AdventureWorksWeb}", "ConcurrentModification")))
        {
        }

        await using var bot = await StartAsync();

        Assert.Equal("ConcurrentModification", Text($"SELECT Failure FROM SimulatedAwsAccounts WHERE AccountId = '{AdventureWorksWeb}'"));
        Assert.Single(_logs.Entries, e => e.EventId == 9450); // from the first start only
    }

    [Fact]
    public async Task Start_RealGateways_ConfigurationIgnoredNothingTouched()
    {
        await using (await StartAsync())
        {
        }

        var before = Rows();
        await using var bot = await StartAsync(
            ("Aws:Endpoint", "http://127.0.0.1:9/"),
            ("PartnerCenter:Endpoint", "http://127.0.0.1:9/"),
            ("Database:SeedDemoData", "true"),
            ($"Simulation:Failures:{AdventureWorksWeb}", "AccessDenied"),
            ($"Simulation:Failures:{LitwareMarketing}", string.Empty),
            ($"Simulation:Failures:{TailspinProduction}", "Throttled"),
            ($"Simulation:Failures:{CohoTransfer}", "OutcomeUnknown"));

        Assert.False(bot.Services.GetRequiredService<IAwsOrganizationGateway>().IsSimulated);
        Assert.Equal(before, Rows());
        var ignored = Assert.Single(_logs.Entries, e => e.EventId == 9400);
        Assert.Contains("4 entr", ignored.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.EventId is >= 9450 and < 9500);
    }

    [Fact]
    public async Task Start_OnlyAwsReal_AwsEntriesNotSimulatedAzureEntriesApplied()
    {
        await using (await StartAsync())
        {
        }

        await using var bot = await StartAsync(
            ("Aws:Endpoint", "http://127.0.0.1:9/"),
            ("Database:SeedDemoData", "true"),
            ($"Simulation:Failures:{AdventureWorksWeb}", "AccessDenied"),
            ($"Simulation:Failures:{TailspinProduction}", "Conflict"));

        Assert.Null(Text($"SELECT Failure FROM SimulatedAwsAccounts WHERE AccountId = '{AdventureWorksWeb}'"));
        Assert.Equal("Conflict", Text($"SELECT Failure FROM SimulatedAzureSubscriptions WHERE SubscriptionId = '{TailspinProduction}'"));
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning && e.EventId is >= 9400 and < 9500);
        Assert.Equal(9454, warning.EventId);
        Assert.StartsWith($"Simulation:Failures:{AdventureWorksWeb} = \"AccessDenied\" ignored: AWS Organizations is real", warning.Message, StringComparison.Ordinal);
        Assert.Contains(TailspinProduction, warning.Message, StringComparison.Ordinal); // the simulated ids
        Assert.DoesNotContain(CohoTransfer, warning.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _logs.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    /// <summary>The bot on this test's SQLite file, started (migrations, demo data, hosted services) before it is returned.</summary>
    private async Task<WebApplicationFactory<Program>> StartAsync(params (string Key, string Value)[] settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:SesBot", $"Data Source={Path.Combine(_dataDir, "sesbot.db")}");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureLogging(l => l.AddProvider(_logs));
        });
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return factory;
    }

    private string Rows()
    {
        var all = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT AccountId || '|' || IFNULL(Failure, '-') || '|' || IsMember || '|' || RemoveCalls FROM SimulatedAwsAccounts ORDER BY AccountId",
            "SELECT SubscriptionId || '|' || IFNULL(Failure, '-') || '|' || Status || '|' || PatchCalls FROM SimulatedAzureSubscriptions ORDER BY SubscriptionId",
            "SELECT TransferId || '|' || IFNULL(Failure, '-') || '|' || Status || '|' || TerminateCalls FROM SimulatedBillingTransfers ORDER BY TransferId",
        })
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                all.Add(reader.GetString(0));
            }
        }

        Assert.True(all.Count > 10);
        return string.Join('\n', all);
    }

    private long Scalar(string sql) => Convert.ToInt64(Query(sql), System.Globalization.CultureInfo.InvariantCulture);

    private string? Text(string sql) => Query(sql) is string text ? text : null;

    private object? Query(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "sesbot.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
