using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SesBot.Core.Domain;

namespace SesBot.Core.Persistence;

/// <summary>
/// The reads a reseller's removal dialog makes on nearly every turn, written by hand for SQLite: the first page of
/// customers, a customer with its accounts and their billing rows, the open requests of a customer's accounts, an
/// account with its customer and open request, whether a submission key was used, whether a conversation has a
/// message not yet sent, and the support channel chosen. Each returns exactly what the EF Core query it stands in for
/// returns, untracked; the tests compare both on the same rows. An account read to be changed is then tracked as EF
/// Core would have tracked it (<see cref="Track"/>).
/// <para>
/// EF Core's per-call work on these queries (its query context, shapers that create delegates on every call,
/// include fix-up) cost more CPU than SQLite spent answering them. Here each statement is an EF Core command built once
/// per model with typed parameters; only the SQL and the reading of the rows are written here. On a turn connection,
/// when EF Core's command pipeline has nobody to tell, a statement runs on the connection's compiled statement directly
/// (<see cref="SqliteTurnConnections.Quiet"/>), its parameters typed by the same mappings; otherwise it runs through
/// that pipeline (its logging, its interceptors). Values go through the model's own converters, so a stored instant or
/// enum reads as EF Core reads it.
/// </para>
/// </summary>
internal sealed class SqliteDirectReads(DbContext db)
{
    internal const string AccountColumns = """
        a."Id", a."CustomerId", a."Provider", a."ExternalId", a."DisplayName", a."Origin", a."LinkedAt", a."State", a."ClosedAt",
        a."BillingTransferId", a."BillingTransferStartedAt", a."BillingTransferSourceAccountId", a."BillingTransferEndsAt", a."Version"
        """;

    private const int AccountColumnCount = 14;

    internal const string CustomerColumns = """c."Id", c."ResellerId", c."Name", c."RemovedAt", c."AzureTenantId", c."Version" """;

    private const int CustomerColumnCount = 6;

    internal const string BillingColumns = """b."Id", b."CloudAccountId", b."Month", b."Amount", b."Currency" """;

    private static readonly Statement CustomerPage = new(
        """
        SELECT c."Id", c."Name"
        FROM "Customers" AS c
        WHERE c."ResellerId" = @resellerId AND c."RemovedAt" IS NULL
        ORDER BY c."Name", c."Id"
        LIMIT @take OFFSET @skip
        """,
        Parameter.Column<Customer>("resellerId", nameof(Customer.ResellerId)),
        Parameter.Of<int>("take"),
        Parameter.Of<int>("skip"));

    private static readonly Statement ResellerCustomer = new(
        $"""
        SELECT {CustomerColumns}
        FROM "Customers" AS c
        WHERE c."ResellerId" = @resellerId AND c."Id" = @customerId
        """,
        Parameter.Column<Customer>("resellerId", nameof(Customer.ResellerId)),
        Parameter.Column<Customer>("customerId", nameof(Customer.Id)));

    // The accounts with their billing rows in one statement (one snapshot): a billing row never arrives without its account.
    private static readonly Statement AccountsOfCustomer = new(
        $"""
        SELECT {AccountColumns}, {BillingColumns}
        FROM "CloudAccounts" AS a
        LEFT JOIN "BillingRecords" AS b ON b."CloudAccountId" = a."Id"
        WHERE a."CustomerId" = @customerId
        ORDER BY a."Id", b."Month", b."Id"
        """,
        Parameter.Column<CloudAccount>("customerId", nameof(CloudAccount.CustomerId)));

    private static readonly Statement OpenRequestsOfCustomer = new(
        """
        SELECT r."CloudAccountId", r."Id", r."Kind"
        FROM "RemovalRequests" AS r
        WHERE r."CustomerId" = @customerId AND r."CloudAccountId" IS NOT NULL AND r."OpenSubjectKey" IS NOT NULL AND r."ResellerId" = @resellerId
        """,
        Parameter.Column<RemovalRequest>("customerId", nameof(RemovalRequest.CustomerId)),
        Parameter.Column<RemovalRequest>("resellerId", nameof(RemovalRequest.ResellerId)));

    // One row per billing row of the account (one with none when it has none), all in one snapshot.
    private static readonly Statement AccountSubject = new(
        $"""
        SELECT {AccountColumns}, {CustomerColumns},
            (SELECT r."Id" FROM "RemovalRequests" AS r WHERE r."OpenSubjectKey" = @key LIMIT 1),
            (SELECT r."Kind" FROM "RemovalRequests" AS r WHERE r."OpenSubjectKey" = @key LIMIT 1),
            {BillingColumns}
        FROM "CloudAccounts" AS a
        INNER JOIN "Customers" AS c ON c."Id" = a."CustomerId"
        LEFT JOIN "BillingRecords" AS b ON b."CloudAccountId" = a."Id"
        WHERE a."Id" = @accountId
        ORDER BY b."Month", b."Id"
        """,
        Parameter.Column<CloudAccount>("accountId", nameof(CloudAccount.Id)),
        Parameter.Column<RemovalRequest>("key", nameof(RemovalRequest.OpenSubjectKey)));

    private static readonly Statement RequestKeyUsed = new(
        """
        SELECT EXISTS (SELECT 1 FROM "RemovalRequests" AS r WHERE r."IdempotencyKey" = @key)
        """,
        Parameter.Column<RemovalRequest>("key", nameof(RemovalRequest.IdempotencyKey)));

    private static readonly Statement Unsent = new(
        """
        SELECT EXISTS (SELECT 1 FROM "OutboxMessages" AS o WHERE o."OrderingKey" = @key AND o."Status" IN ('Pending', 'Sending'))
        """,
        Parameter.Column<Outbox.OutboxMessage>("key", nameof(Outbox.OutboxMessage.OrderingKey)));

    private static readonly Statement ChosenSupportChannel = new(
        """
        SELECT s."Channel", s."ConversationKey", s."DisplayName", s."SetByName", s."SetAt"
        FROM "SupportChannels" AS s
        WHERE s."Region" = @region
        LIMIT 1
        """,
        Parameter.Column<Support.SupportChannel>("region", nameof(Support.SupportChannel.Region)));

    private static readonly ConditionalWeakTable<IModel, Converters> ConvertersByModel = [];

    /// <summary>Every SQL text here, for tests that check their query plans.</summary>
    internal static IReadOnlyList<string> Sql =>
    [
        CustomerPage.Sql, ResellerCustomer.Sql, AccountsOfCustomer.Sql, OpenRequestsOfCustomer.Sql, AccountSubject.Sql, RequestKeyUsed.Sql, Unsent.Sql,
        ChosenSupportChannel.Sql,
    ];

    // The context's services, looked up once (a pooled context keeps them from one unit of work to the next).
    private IRelationalConnection? _connection;
    private IRelationalCommandDiagnosticsLogger? _logger;

    private Converters Convert => ConvertersByModel.GetValue(db.Model, static model => new Converters(model));

    /// <summary>A page of a reseller's customers (not removed), by name then id.</summary>
    public Task<List<(string Id, string Name)>> CustomerPageAsync(string resellerId, int skip, int take, CancellationToken cancellationToken)
        => ListAsync(CustomerPage, [resellerId, take, skip], static (r, _) => (r.GetString(0), r.GetString(1)), cancellationToken);

    /// <summary>A reseller's customer with its accounts (by id) and their billing rows, or null when it is not theirs.</summary>
    public async Task<Customer?> ResellerCustomerAsync(string resellerId, string customerId, CancellationToken cancellationToken)
    {
        var customers = await ListAsync(ResellerCustomer, [resellerId, customerId], static (r, c) => ReadCustomer(r, 0, c), cancellationToken);
        if (customers is not [var customer])
        {
            return null;
        }

        // Rows come by account (a new id starts the next one), each with one of its billing rows or none.
        CloudAccount? account = null;
        await ReadAsync(AccountsOfCustomer, [customer.Id], (r, c) =>
        {
            if (account is null || !string.Equals(account.Id, r.GetString(0), StringComparison.Ordinal))
            {
                account = customer.AddAccount(ReadAccount(r, 0, c));
            }

            if (!r.IsDBNull(AccountColumnCount))
            {
                account.AddStored(ReadBilling(r, AccountColumnCount));
            }
        }, cancellationToken);
        return customer;
    }

    /// <summary>The open requests about accounts of a reseller's customer: account id, request id, kind.</summary>
    public Task<List<(string AccountId, string RequestId, RemovalOption Kind)>> OpenRequestsAsync(string resellerId, string customerId, CancellationToken cancellationToken)
        => ListAsync(OpenRequestsOfCustomer, [customerId, resellerId],
            static (r, c) => (r.GetString(0), r.GetString(1), Enum<RemovalOption>(r, 2, c.Kind)), cancellationToken);

    /// <summary>An account with its billing rows, its customer (without accounts), and the open request whose subject key is <paramref name="openKey"/>.</summary>
    public async Task<(CloudAccount Account, Customer Customer, string? OpenId, RemovalOption? OpenKind)?> AccountSubjectAsync(
        string accountId, string openKey, CancellationToken cancellationToken)
    {
        const int open = AccountColumnCount + CustomerColumnCount;
        const int billing = open + 2;
        (CloudAccount Account, Customer Customer, string? OpenId, RemovalOption? OpenKind)? subject = null;
        await ReadAsync(AccountSubject, [accountId, openKey], (r, c) =>
        {
            subject ??= (
                ReadAccount(r, 0, c),
                ReadCustomer(r, AccountColumnCount, c),
                r.IsDBNull(open) ? null : r.GetString(open),
                r.IsDBNull(open + 1) ? null : Enum<RemovalOption>(r, open + 1, c.Kind));
            if (!r.IsDBNull(billing))
            {
                subject.Value.Account.AddStored(ReadBilling(r, billing));
            }
        }, cancellationToken);
        return subject;
    }

    /// <summary>
    /// Tracks a customer and an account read here, unchanged, with the account's billing rows, as EF Core's tracked
    /// query would have tracked them (the account joins the customer's accounts); false, and nothing tracked, when the
    /// context already tracks one of these rows (a tracked query would return the tracked instance instead).
    /// </summary>
    public bool Track(Customer customer, CloudAccount account)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // looking at what is tracked needs no change detection
        try
        {
            // A unit of work tracks a handful of rows: a look at each is cheaper than the change tracker's local views,
            // which, once asked for, follow every later change of state for the life of the context.
            foreach (var entry in db.ChangeTracker.Entries())
            {
                var tracked = entry.Entity switch
                {
                    Customer c => string.Equals(c.Id, customer.Id, StringComparison.Ordinal),
                    CloudAccount a => string.Equals(a.Id, account.Id, StringComparison.Ordinal),
                    BillingRecord r => account.BillingRecords.Any(b => b.Id == r.Id),
                    _ => false,
                };
                if (tracked)
                {
                    return false;
                }
            }

            db.Attach(customer);
            db.Attach(account);
            return true;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The support channel chosen for a region (read for every request filed), or null when none was chosen.</summary>
    public async Task<Support.SupportChannelChoice?> ChosenSupportChannelAsync(string region, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(ChosenSupportChannel, [region], static (r, c) => new Support.SupportChannelChoice(
            r.GetString(0),
            r.GetString(1),
            r.IsDBNull(2) ? null : r.GetString(2),
            Support.SupportChannelSource.Chosen,
            r.GetString(3),
            Instant(r, 4, c.SupportSetAt)), cancellationToken);
        return rows is [var chosen] ? chosen : null;
    }

    /// <summary>Whether a removal request was filed with this idempotency key.</summary>
    public async Task<bool> RequestKeyUsedAsync(string key, CancellationToken cancellationToken)
        => (await ListAsync(RequestKeyUsed, [key], static (r, _) => r.GetBoolean(0), cancellationToken))[0];

    /// <summary>Whether the conversation has a message pending or being sent.</summary>
    public async Task<bool> HasUnsentAsync(string orderingKey, CancellationToken cancellationToken)
        => (await ListAsync(Unsent, [orderingKey], static (r, _) => r.GetBoolean(0), cancellationToken))[0];

    private async Task<List<T>> ListAsync<T>(Statement statement, object?[] values, Func<DbDataReader, Converters, T> read, CancellationToken cancellationToken)
    {
        List<T> rows = [];
        await ReadAsync(statement, values, (r, c) => rows.Add(read(r, c)), cancellationToken);
        return rows;
    }

    /// <summary>
    /// Runs the statement and hands each row to <paramref name="row"/>: on the turn connection's compiled statement when
    /// EF Core's command pipeline has nobody to tell (<see cref="SqliteTurnConnections.Quiet"/>), each value converted
    /// and typed by its parameter's mapping as EF Core would; else through that pipeline.
    /// </summary>
    private async Task ReadAsync(Statement statement, object?[] values, Action<DbDataReader, Converters> row, CancellationToken cancellationToken)
    {
        var connection = _connection ??= db.GetService<IRelationalConnection>();
        var logger = _logger ??= db.GetService<IRelationalCommandDiagnosticsLogger>();
        var converters = Convert;
        if (SqliteTurnConnections.Quiet(connection, logger, statement.Sql) is { } quiet)
        {
            cancellationToken.ThrowIfCancellationRequested();
            statement.Bind(db, quiet, values);
            using var rows = quiet.ExecuteReader();
            SqliteTurnConnections.Reading(quiet, rows);
            while (rows.Read())
            {
                row(rows, converters);
                cancellationToken.ThrowIfCancellationRequested(); // as EF Core's reader checks before each row
            }

            return;
        }

        var parameters = new RelationalCommandParameterObject(connection, statement.Values(values), null, db, logger);

        // The statement's command is shared by every context: only a template (SharedCommands).
        var command = connection.Rent(statement.Command(db));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(parameters, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                row(reader.DbDataReader, converters);
            }
        }
        finally
        {
            connection.ReturnCommand(command);
        }
    }

    private static Customer ReadCustomer(DbDataReader r, int at, Converters c) => Customer.FromStored(
        r.GetString(at),
        r.GetString(at + 1),
        r.GetString(at + 2),
        NullableInstant(r, at + 3, c.Instant),
        r.IsDBNull(at + 4) ? null : r.GetString(at + 4),
        r.GetInt32(at + 5));

    private static CloudAccount ReadAccount(DbDataReader r, int at, Converters c) => CloudAccount.FromStored(new CloudAccount.StoredColumns(
        Id: r.GetString(at),
        CustomerId: r.GetString(at + 1),
        Provider: Enum<CloudProvider>(r, at + 2, c.Provider),
        ExternalId: r.GetString(at + 3),
        DisplayName: r.GetString(at + 4),
        Origin: Enum<AccountOrigin>(r, at + 5, c.Origin),
        LinkedAt: Instant(r, at + 6, c.Instant),
        State: Enum<AccountState>(r, at + 7, c.State),
        ClosedAt: NullableInstant(r, at + 8, c.Instant),
        BillingTransferId: r.IsDBNull(at + 9) ? null : r.GetString(at + 9),
        BillingTransferStartedAt: NullableInstant(r, at + 10, c.Instant),
        BillingTransferSourceAccountId: r.IsDBNull(at + 11) ? null : r.GetString(at + 11),
        BillingTransferEndsAt: NullableInstant(r, at + 12, c.Instant),
        Version: r.GetInt32(at + 13)));

    private static BillingRecord ReadBilling(DbDataReader r, int at) => BillingRecord.FromStored(
        r.GetInt64(at), r.GetString(at + 1), r.GetFieldValue<DateOnly>(at + 2), r.GetDecimal(at + 3), r.GetString(at + 4));

    private static T Enum<T>(DbDataReader r, int ordinal, ValueConverter converter) => (T)converter.ConvertFromProvider(r.GetString(ordinal))!;

    private static DateTimeOffset Instant(DbDataReader r, int ordinal, ValueConverter converter) =>
        (DateTimeOffset)converter.ConvertFromProvider(r.GetInt64(ordinal))!;

    private static DateTimeOffset? NullableInstant(DbDataReader r, int ordinal, ValueConverter converter) =>
        r.IsDBNull(ordinal) ? null : Instant(r, ordinal, converter);

    /// <summary>The model's converters of the columns read here, with the stored types this reader expects of them.</summary>
    private sealed class Converters(IModel model)
    {
        public ValueConverter Instant { get; } = Of<CloudAccount>(model, nameof(CloudAccount.LinkedAt), typeof(long));

        public ValueConverter Provider { get; } = Of<CloudAccount>(model, nameof(CloudAccount.Provider), typeof(string));

        public ValueConverter Origin { get; } = Of<CloudAccount>(model, nameof(CloudAccount.Origin), typeof(string));

        public ValueConverter State { get; } = Of<CloudAccount>(model, nameof(CloudAccount.State), typeof(string));

        public ValueConverter Kind { get; } = Of<RemovalRequest>(model, nameof(RemovalRequest.Kind), typeof(string));

        public ValueConverter SupportSetAt { get; } = Of<Support.SupportChannel>(model, nameof(Support.SupportChannel.SetAt), typeof(long));

        private static ValueConverter Of<TEntity>(IModel model, string property, Type stored)
        {
            var converter = model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetTypeMapping().Converter;
            return converter?.ProviderClrType == stored
                ? converter
                : throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} is not stored as {stored.Name} by a converter in this model; {nameof(SqliteDirectReads)} reads SQLite's model only.");
        }
    }

    /// <summary>A parameter of a statement: typed as a column of the model, or as a CLR type.</summary>
    private sealed record Parameter(string Name, Type? Entity, string? Property, Type? Clr)
    {
        public static Parameter Column<TEntity>(string name, string property) => new(name, typeof(TEntity), property, null);

        public static Parameter Of<T>(string name) => new(name, null, null, typeof(T));

        public RelationalTypeMapping Mapping(DbContext db) => Entity is not null
            ? db.Model.FindEntityType(Entity)!.FindProperty(Property!)!.GetRelationalTypeMapping()
            : db.GetService<IRelationalTypeMappingSource>().FindMapping(Clr!)!;
    }

    /// <summary>A SQL statement and its parameters; its EF Core command, the template each run copies, is built once per model.</summary>
    private sealed class Statement(string sql, params Parameter[] parameters)
    {
        private readonly ConditionalWeakTable<IModel, IRelationalCommand> _commands = [];
        private readonly ConditionalWeakTable<IModel, RelationalTypeMapping[]> _mappings = [];
        private readonly string[] _sqlNames = [.. parameters.Select(p => "@" + p.Name)];

        public string Sql { get; } = sql;

        public IRelationalCommand Command(DbContext db) =>
            _commands.TryGetValue(db.Model, out var built) ? built : _commands.GetValue(db.Model, _ => Build(db));

        private IRelationalCommand Build(DbContext db)
        {
            var builder = db.GetService<IRelationalCommandBuilderFactory>().Create().Append(Sql);
            for (var i = 0; i < parameters.Length; i++)
            {
                builder.AddParameter(parameters[i].Name, _sqlNames[i], parameters[i].Mapping(db), nullable: false);
            }

            return builder.Build();
        }

        /// <summary>Adds the values to a compiled statement as EF Core's command would: converted and typed by each parameter's mapping.</summary>
        public void Bind(DbContext db, Microsoft.Data.Sqlite.SqliteCommand command, object?[] values)
        {
            var mappings = _mappings.TryGetValue(db.Model, out var known)
                ? known
                : _mappings.GetValue(db.Model, _ => [.. parameters.Select(p => p.Mapping(db))]);
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters.Add(mappings[i].CreateParameter(command, _sqlNames[i], values[i], nullable: false));
            }
        }

        public Dictionary<string, object?> Values(object?[] values)
        {
            var named = new Dictionary<string, object?>(parameters.Length, StringComparer.Ordinal);
            for (var i = 0; i < parameters.Length; i++)
            {
                named[parameters[i].Name] = values[i];
            }

            return named;
        }
    }
}
