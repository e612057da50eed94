using SesBot.Bot;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Cli;
using SesBot.Core;

if (await CliCommands.TryRunAsync(args)) return;

var builder = WebApplication.CreateBuilder(args);
builder.UseSesBotDefaultAddress();
builder.AddSesBotCore();
builder.AddSesBotHost();
builder.AddTeamsChannel();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.MapSesBotEndpoints();
app.MapTeamsChannel();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
