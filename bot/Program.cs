using SesBot.Bot;
using SesBot.Bot.Audit;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Cli;
using SesBot.Bot.Support;
using SesBot.Core;

if (await CliCommands.TryRunAsync(args)) return;

// The configuration is read once: a reload watcher on the content root would also wake on every write of the SQLite
// database under ./data (a recursive file watch), for nothing.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.UseSesBotDefaultAddress();
builder.AddSesBotCore();
builder.AddSesBotHost();
builder.AddTeamsChannel();
builder.AddCloudExecution();
builder.AddAuditExport();

var app = builder.Build();
if (AuditExportCommand.Matches(args))
{
    // An export reads what is there: no migration, no demo data.
    Environment.ExitCode = await AuditExportCommand.RunAsync(args, app.Services, Console.Out, Console.Error);
    return;
}

await app.InitializeDatabaseAsync();
app.MapSesBotEndpoints();
app.MapLocalStartPage();
app.MapTeamsChannel();
app.MapAuditExport();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
