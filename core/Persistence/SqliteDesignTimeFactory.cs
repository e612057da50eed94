using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SesBot.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the SQLite context without the bot.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSesBotDbContext>
{
    public SqliteSesBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSesBotDbContext>().UseSqlite("Data Source=design.db").Options);
}
