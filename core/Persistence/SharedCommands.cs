using Microsoft.EntityFrameworkCore.Storage;

namespace SesBot.Core.Persistence;

/// <summary>
/// EF Core commands built once and shared by every context (<see cref="SqliteDirectSave"/>'s rows,
/// <see cref="SqliteDirectReads"/>' statements) serve only as templates: an EF Core command keeps state of its last
/// run (its reader), so one must never run twice at once. Each run copies the template into a command the connection
/// lends, and gives it back afterwards.
/// </summary>
internal static class SharedCommands
{
    /// <summary>A command of this connection's with the template's text and parameters; give it back with <see cref="IRelationalConnection.ReturnCommand"/>.</summary>
    public static IRelationalCommand Rent(this IRelationalConnection connection, IRelationalCommand template)
    {
        var command = connection.RentCommand();
        command.PopulateFrom(template);
        return command;
    }
}
