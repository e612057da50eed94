namespace SesBot.Benchmarks.Load;

/// <summary>The seeded accounts, handed out once each: SesBot allows one open request per account, so every flow needs its own.</summary>
internal sealed class AccountPool(IReadOnlyList<SeededAccount> accounts)
{
    private int next = -1;

    public int Size => accounts.Count;

    public SeededAccount? Next()
    {
        var index = Interlocked.Increment(ref next);
        return index < accounts.Count ? accounts[index] : null;
    }
}
