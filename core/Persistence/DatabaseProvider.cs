namespace SesBot.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
