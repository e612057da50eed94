using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Persistence;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// The payer organization in local mode: the <c>SimulatedAwsAccounts</c> table, one row per SES AWS account, made the
/// first time it is asked about (<see cref="SimulatedScenarios"/>). Removal is a conditional update (a member becomes a
/// non-member once) and every call is counted; the rules AWS applies are applied here too: a delegated administrator
/// and an account created less than four days ago cannot leave. Each call uses its own database context.
/// </summary>
public sealed class SimulatedAwsOrganizationGateway(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SimulatedAwsOrganizationGateway> logger)
    : IAwsOrganizationGateway
{
    private static readonly TimeSpan WaitPeriod = TimeSpan.FromDays(4);

    public bool IsSimulated => true;

    public async Task<AwsAccountFacts> ReadAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var member = await MemberAsync(db, accountId, cancellationToken);
        Log.SimulatedAwsCall(logger, AwsOperations.DescribeAccount, accountId);
        ThrowIfAccessDenied(member);
        if (member is null || !member.IsMember)
        {
            return AwsAccountFacts.NotMember(accountId);
        }

        return new AwsAccountFacts(
            accountId, true, member.State, member.JoinedMethod, member.JoinedAt,
            Lines(member.DelegatedServices),
            [.. Lines(member.Tags).Select(t => t.Split('=', 2)).Select(p => new AwsTag(p[0], p.Length > 1 ? p[1] : string.Empty))]);
    }

    public async Task<bool> IsMemberAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        Log.SimulatedAwsCall(logger, AwsOperations.ListAccounts, accountId);
        var member = await MemberAsync(db, accountId, cancellationToken);
        return member?.IsMember == true;
    }

    public async Task RemoveAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<DatabaseWrites>();
        var member = await MemberAsync(db, accountId, cancellationToken);
        Log.SimulatedAwsCall(logger, AwsOperations.RemoveAccountFromOrganization, accountId);
        await writes.RunAsync(
            ct => db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == accountId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RemoveCalls, a => a.RemoveCalls + 1), ct),
            cancellationToken);
        if (member is null || !member.IsMember)
        {
            throw new AwsOrganizationsException(new AwsOrganizationsError(
                AwsErrorKind.AccountNotFound, "AccountNotFoundException", $"Simulated: account {accountId} is not a member of the organization.", null, 400));
        }

        var now = clock.GetUtcNow();
        var refusal = member.Failure switch
        {
            null or "" or "OutcomeUnknownAfterRemoval" => null,
            _ => member.Failure,
        };
        if (refusal is null && member.DelegatedServices.Length > 0)
        {
            refusal = "ConstraintViolation:CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG";
        }
        else if (refusal is null && member.JoinedMethod == AwsAccountFacts.Created && now - member.JoinedAt < WaitPeriod)
        {
            refusal = "ConstraintViolation:WAIT_PERIOD_ACTIVE";
        }

        if (refusal is not null)
        {
            throw new AwsOrganizationsException(SimulatedScenarios.AwsError(refusal));
        }

        await writes.RunAsync(
            ct => db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == accountId && a.IsMember)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsMember, false).SetProperty(a => a.LeftAt, now), ct),
            cancellationToken);
        if (member.Failure == "OutcomeUnknownAfterRemoval")
        {
            throw new AwsOrganizationsException(SimulatedScenarios.AwsError("OutcomeUnknown"));
        }
    }

    private static void ThrowIfAccessDenied(SimulatedAwsAccount? member)
    {
        if (member?.Failure is "AccessDenied" or "AwsOrganizationsNotInUse")
        {
            throw new AwsOrganizationsException(SimulatedScenarios.AwsError(member.Failure));
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The simulated member, made from the SES account the first time; null when SES has no such AWS account.</summary>
    private async Task<SimulatedAwsAccount?> MemberAsync(SesBotDbContext db, string accountId, CancellationToken cancellationToken)
    {
        var member = await db.Set<SimulatedAwsAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        if (member is not null)
        {
            return member;
        }

        var account = await db.CloudAccounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Provider == CloudProvider.Aws && a.ExternalId == accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        member = SimulatedScenarios.AwsMemberFor(account, clock.GetUtcNow());
        db.Set<SimulatedAwsAccount>().Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another call made it first: read theirs.
            db.ChangeTracker.Entries<SimulatedAwsAccount>().ToList().ForEach(e => e.State = EntityState.Detached);
            return await db.Set<SimulatedAwsAccount>().AsNoTracking().FirstAsync(a => a.AccountId == accountId, cancellationToken);
        }

        return member;
    }
}
