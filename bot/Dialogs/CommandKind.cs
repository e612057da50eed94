namespace SesBot.Bot.Dialogs;

/// <summary>The typed commands SesBot understands.</summary>
public enum CommandKind
{
    None,
    RemoveAccount,
    RemoveCustomer,
    MyRequests,
    Status,
    Help,
    Cancel,

    /// <summary>"use this channel for support requests" (admins, in a team channel).</summary>
    UseSupportChannel,

    /// <summary>"support channel": which one is set.</summary>
    ShowSupportChannel,

    /// <summary>"queue", or "queue mine" (argument <see cref="CommandParser.Mine"/>).</summary>
    Queue,

    /// <summary>"history &lt;account id&gt;": the account's audit timeline (argument: the id as typed).</summary>
    History,

    /// <summary>"export audit [for &lt;reseller&gt;] [from yyyy-MM-dd] [to yyyy-MM-dd]" (argument: the filter as typed), admins only.</summary>
    ExportAudit,
}
