using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Core.Support;

/// <summary>
/// Which conversation support requests are posted to: the one an admin chose (stored), else the one configuration
/// names, else none. Only admins choose.
/// </summary>
public sealed class SupportChannels(SesBotDbContext db, IOptions<SupportOptions> options, TimeProvider clock)
{
    /// <summary>The stored choice, read for every request filed: compiled.</summary>
    private static readonly CompiledPerModel<Func<SesBotDbContext, CancellationToken, Task<SupportChannel?>>> CurrentQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, CancellationToken _) => context.SupportChannels.AsNoTracking()
            .FirstOrDefault(c => c.Region == SupportChannel.DefaultRegion)));

    public async Task<SupportChannelChoice?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (db.DirectReads is { } reads)
        {
            if (await reads.ChosenSupportChannelAsync(SupportChannel.DefaultRegion, cancellationToken) is { } read)
            {
                return read;
            }
        }
        else if (await CurrentQuery.For(db)(db, cancellationToken) is { } chosen)
        {
            return ChoiceOf(chosen);
        }

        var configured = options.Value;
        return string.IsNullOrWhiteSpace(configured.ChannelConversationId) || string.IsNullOrWhiteSpace(configured.Channel)
            ? null
            : new SupportChannelChoice(configured.Channel, configured.ChannelConversationId.Trim(), null, SupportChannelSource.Configuration);
    }

    /// <summary>
    /// Makes the conversation the support channel (in the turn's unit of work). Two admins choosing at once: the unique
    /// region makes one commit fail, and that turn runs again on what the other chose.
    /// </summary>
    public async Task<SupportChannelChange> UseAsync(Actor actor, string channel, string conversationKey, string? displayName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationKey);
        var previous = await CurrentAsync(cancellationToken);
        if (actor.Role != Role.Admin)
        {
            return new(OutcomeKind.Denied, previous, Message: WorkflowTexts.Get("Support.OnlyAdminChoosesChannel"));
        }

        if (previous is { Source: SupportChannelSource.Chosen } same && same.Channel == channel && same.ConversationKey == conversationKey)
        {
            return new(OutcomeKind.Duplicate, previous, previous);
        }

        var now = clock.GetUtcNow();
        var stored = await db.SupportChannels.FirstOrDefaultAsync(c => c.Region == SupportChannel.DefaultRegion, cancellationToken);
        if (stored is null)
        {
            stored = new SupportChannel(SupportChannel.DefaultRegion, channel, conversationKey, displayName, actor, now);
            db.SupportChannels.Add(stored);
        }
        else
        {
            stored.Change(channel, conversationKey, displayName, actor, now);
        }

        return new(OutcomeKind.Ok, ChoiceOf(stored), previous);
    }

    private static SupportChannelChoice ChoiceOf(SupportChannel channel) =>
        new(channel.Channel, channel.ConversationKey, channel.DisplayName, SupportChannelSource.Chosen, channel.SetByName, channel.SetAt);
}
