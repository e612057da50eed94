using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>Keeps every log entry (event id and rendered message) so a test can wait for, or inspect, what was logged.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}
