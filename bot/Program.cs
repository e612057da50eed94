using SesBot.Bot;
using SesBot.Core;

var builder = WebApplication.CreateBuilder(args);
builder.UseSesBotDefaultAddress();
builder.AddSesBotCore();
builder.AddSesBotHost();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.MapSesBotEndpoints();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
