using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>What the local server received, as it arrived on the wire.</summary>
internal sealed record RecordedRequest(
    int Number,
    string Method,
    string RawTarget,
    string? Authorization,
    string? ContentType,
    string Body,
    DateTimeOffset ReceivedAt);
