using SesBot.Bot.Channels.Teams.Auth;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Pipeline;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Support;

namespace SesBot.Bot.Channels.Teams;

/// <summary>Wires the Teams channel: inbound authentication, the Connector client, the activity pipeline.</summary>
public static class TeamsChannelExtensions
{
    public static WebApplicationBuilder AddTeamsChannel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBotFrameworkAuthentication(builder.Configuration);
        builder.Services.AddTeamsConnector(builder.Configuration);
        builder.Services.AddSingleton<TeamsReplyRenderer>();
        builder.Services.AddScoped<TeamsActivityProcessor>();
        builder.Services.AddSingleton<TeamsOutboxHandler>();
        builder.Services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<TeamsOutboxHandler>());
        builder.Services.AddSingleton<IOutboxHandler, TeamsChannelThreadHandler>();
        builder.Services.AddSingleton<ISupportThreadPoster, TeamsSupportThreadPoster>();
        builder.Services.AddSingleton<IRequestMessenger, TeamsRequestMessenger>();
        builder.Services.AddSingleton<IOutboxHandler, TeamsFollowUpHandler>();
        builder.Services.AddSingleton<IOutboxHandler, TeamsPersonalChatHandler>();
        builder.Services.AddSingleton<IConversationPoster, TeamsConversationPoster>();
        builder.Services.AddTurnPipeline();
        return builder;
    }
}
