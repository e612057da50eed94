using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SesBot.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSesBotDbContext>
{
    public PostgresSesBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSesBotDbContext>().UseNpgsql("Host=localhost;Database=sesbot").Options);
}
