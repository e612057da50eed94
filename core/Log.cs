using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>
/// Every log message of the core, source-generated; each area keeps its own partial file (<c>Log.Area.cs</c>).
/// Event ids: 6xxx workflow and outbox, 7xxx AWS gateway, 8xxx Azure gateway, 9xxx email and audit.
/// </summary>
internal static partial class Log;
