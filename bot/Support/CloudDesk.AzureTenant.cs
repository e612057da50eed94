using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Execution;

namespace SesBot.Bot.Support;

/// <summary>"Save and check" on an Azure pre-flight card that asks for the customer's Microsoft Entra tenant id.</summary>
public sealed partial class CloudDesk
{
    /// <summary>A forged value longer than this is cut before it is shown again in the box.</summary>
    private const int KeptLength = 4 * AzureTenant.InputMaxLength;

    /// <summary>
    /// Support only, for the request version the card was made for (four-eyes does not apply: nothing is changed at the
    /// provider). A value that is not a GUID is refused here, with the card again and the value kept; a GUID is queued for
    /// the dispatcher, which asks Partner Center and replaces the clicked card with the answer. Nothing is saved in this turn.
    /// </summary>
    public async Task<Reply> SaveAzureTenantAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var requestId = input.Value(DataKeys.RequestId) ?? string.Empty;
        if (!actor.IsSupport)
        {
            Log.AzureTenantRefused(logger, actor.Id, requestId, "not support");
            return Reply.Text(S["OnlySupport"]);
        }

        if (await preflight.KnownAzureAsync(requestId, cancellationToken) is not { } known)
        {
            Log.AzureTenantRefused(logger, actor.Id, requestId, "not an Azure suspension");
            return Reply.Text(S.Format("Tenant.NotAzure", requestId));
        }

        var request = known.Request;
        var report = known with { NeedsAzureTenant = true };
        var typed = input.Value(DataKeys.AzureTenantId) is { Length: > KeptLength } entered ? entered[..KeptLength] : input.Value(DataKeys.AzureTenantId);
        int? version = int.TryParse(input.Value(DataKeys.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (version != request.Version)
        {
            Log.AzureTenantRefused(logger, actor.Id, request.Id, "card version");
            return CloudCards.WithNote(CloudCards.Preflight(report, typed), S.Format("Tenant.CardChanged", request.Id, Texts.Status(request.Status)), Tone.Attention);
        }

        if (string.IsNullOrWhiteSpace(typed) || AzureTenant.Normalize(typed) is not { } tenant)
        {
            Log.AzureTenantRefused(logger, actor.Id, request.Id, "not a GUID");
            var error = string.IsNullOrWhiteSpace(typed) ? S["Tenant.Empty"] : S.Format("Tenant.Malformed", Clip(typed.Trim()));
            return CloudCards.Preflight(report, typed, error);
        }

        var ask = new AzureTenantAsk(request.Id, tenant, actor, input.Channel, input.ConversationKey, input.AddressKey, input.ReplyToKey);
        db.OutboxMessages.Add(CloudExecutionOutbox.AzureTenant(ask, Guid.NewGuid().ToString("N"), clock.GetUtcNow()));
        Log.AzureTenantEntered(logger, actor.Id, request.Id, tenant);
        return CloudCards.AzureTenantChecking(report, tenant);
    }

    /// <summary>What was typed, cut to what the box allows, for the message about it.</summary>
    private static string Clip(string typed) => typed.Length > AzureTenant.InputMaxLength ? typed[..AzureTenant.InputMaxLength] + "…" : typed;
}
