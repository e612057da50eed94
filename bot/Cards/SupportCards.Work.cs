using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>
/// The support card as a request stands now, in its thread: what it is about, who has it, what it waits on, what
/// happened, and the buttons valid now, for support in general (the copy everyone sees) or for one person (their own
/// view, fetched by the card's refresh). The requester never gets buttons on their own request (four-eyes).
/// </summary>
public static partial class SupportCards
{
    /// <summary>How many of the latest history lines the card shows.</summary>
    public const int HistoryLines = 8;

    public static Reply Work(RequestDetails details, string resellerName, DateTimeOffset now, Actor? viewer = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var info = RemovalOptionCatalog.Get(request.Kind);
        // The provider check is support's, and never on a request the person looking filed (four-eyes).
        var mayWork = viewer is null || (viewer.IsSupport && viewer.Id != request.RequestedById);
        var card = NewRequest(details, resellerName, offerCloudCheck: mayWork);
        var blocks = card.Blocks.ToList();
        var fresh = request.Status == RequestStatus.Submitted && request.AssignedToId is null && !request.IsWaitingOnReseller && request.Version == 0;
        if (!fresh && blocks.Count > 0 && blocks[0] is HeadingBlock)
        {
            blocks[0] = new HeadingBlock($"Request {request.Id}: {info.RequestTitle}");
        }

        var at = 1;
        if (note is not null)
        {
            blocks.Insert(at++, new ParagraphBlock(note, Tone.Attention));
        }

        // Who has it and what it waits on, right under what it is about.
        var about = blocks.FindIndex(at, b => b is FactsBlock);
        blocks.Insert(about < 0 ? at : about + 1, new FactsBlock(WorkFacts(request, now)));
        if (details.Timeline.Count > 1)
        {
            blocks.Add(new ParagraphBlock("History", Tone.Subtle));
            blocks.Add(new FactsBlock([.. details.Timeline.TakeLast(HistoryLines)
                .Select(e => new ReplyFact(Texts.Instant(e.At), HistoryCards.Sentence(RequestAuditEntries.Of(e, request))))]));
        }

        if (info.Handling != OptionHandling.SelfService)
        {
            blocks.AddRange(Buttons(request, viewer));
        }

        return new Reply(blocks)
        {
            // A new thread keeps the new-request summary (the channel's notification); later copies say where it stands.
            Summary = fresh ? card.Summary : $"{request.Id}: {Texts.Status(request.Status)}{(request.AssignedToName is { } who ? $", {who}" : string.Empty)}",
            Refresh = request.IsOpen && info.Handling != OptionHandling.SelfService
                ? new ReplyAction("Refresh", ActionIds.SupportRefresh, Data(request)) { SubmitsInputs = false }
                : null,
        };
    }

    /// <summary>"Already accepted by Megan Bowen at 14:02 UTC": what the latest change was, for a click on an older card.</summary>
    public static string AlreadyNote(RequestDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var last = details.Timeline.Count > 0 ? details.Timeline[^1] : null;

        // Accepting an unassigned request also takes it, at the same instant: the move is the news.
        if (last is { Action: "Assigned" } && details.Timeline.Count > 1 && details.Timeline[^2] is { } move && move.At == last.At && move.ActorId == last.ActorId)
        {
            last = move;
        }

        return last is null
            ? $"Request {details.Request.Id} has changed since this card was shown; here it is as it is now."
            : $"{SupportMoves.Done(last.Action, details.Request.Kind)} by {last.ActorName} at {last.At.ToUniversalTime().ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Nothing was changed by your click; here is the request as it is now.";
    }

    /// <summary>The reseller's answer, posted into the request's support thread.</summary>
    public static Reply AnswerInThread(RemovalRequest request, string question, string answer, string answeredBy) =>
        Reply.Card(
            $"{answeredBy} answered about {request.Id}",
            new HeadingBlock($"{answeredBy} answered about {request.Id}"),
            new FactsBlock([new ReplyFact("Question", question), new ReplyFact("Answer", answer)]));

    private static List<ReplyFact> WorkFacts(RemovalRequest request, DateTimeOffset now)
    {
        var facts = new List<ReplyFact>
        {
            new("Assigned to", request.AssignedToName is { } who
                ? $"{who}, since {Texts.Instant(request.AssignedAt ?? request.UpdatedAt)}"
                : request.IsOpen ? "nobody yet" : "nobody"),
        };
        if (request.IsOpen && now - request.CreatedAt >= TimeSpan.FromMinutes(1))
        {
            facts.Add(new("Waiting", $"{Waiting(now - request.CreatedAt)} since it was filed"));
        }

        if (request.OpenQuestion is { } question)
        {
            facts.Add(new("Waiting on the reseller", $"{request.QuestionAskedByName} asked {Texts.Instant(request.QuestionAskedAt ?? request.UpdatedAt)}: {question}"));
        }

        if (request.LastNote is { } last)
        {
            facts.Add(new(request.Status == RequestStatus.Rejected ? "Rejected because" : "Last note", last));
        }

        return facts;
    }

    /// <summary>The buttons valid now; for a viewer, only those they may use.</summary>
    private static List<ReplyBlock> Buttons(RemovalRequest request, Actor? viewer)
    {
        if (!request.IsOpen)
        {
            return [];
        }

        if (viewer is not null && !viewer.IsSupport)
        {
            return [new ParagraphBlock("Only SES support acts on this card.", Tone.Subtle)];
        }

        if (viewer is not null && viewer.Id == request.RequestedById)
        {
            return [new ParagraphBlock("You filed this request, so another member of SES support works it (four-eyes rule).", Tone.Subtle)];
        }

        var data = Data(request);
        var moves = new List<ReplyAction>();
        if (viewer is null || request.AssignedToId != viewer.Id)
        {
            moves.Add(new ReplyAction(request.AssignedToId is null ? "Assign to me" : "Take over", ActionIds.SupportAssign, data) { SubmitsInputs = false });
        }

        var support = RemovalRequest.TransitionsOf(request.Kind)
            .Where(t => t.Key.From == request.Status && t.Value.Who.HasFlag(RemovalRequest.Permitted.Support) && !t.Value.Who.HasFlag(RemovalRequest.Permitted.Requester))
            .Select(t => t.Key.Trigger)
            .Where(t => SupportMoves.VerbOf(t) is not null)
            .OrderBy(t => t)
            .ToList();
        foreach (var trigger in support.Where(t => t != RequestTrigger.Reject))
        {
            moves.Add(new ReplyAction(SupportMoves.Label(trigger, request.Kind), SupportMoves.VerbOf(trigger)!, data, ReplyActionStyle.Primary) { SubmitsInputs = false });
        }

        var blocks = new List<ReplyBlock> { new ActionsBlock(moves) };
        if (!request.IsWaitingOnReseller)
        {
            blocks.Add(new TextInputBlock(SupportFields.Question, "Ask the reseller for more information")
            {
                IsRequired = false,
                MaxLength = FieldLimits.SupportNote,
                Kind = TextInputKind.Multiline,
                Placeholder = "The question, as the reseller will read it",
            });
            blocks.Add(new ActionsBlock([new ReplyAction("Ask the reseller", ActionIds.SupportAsk, data)]));
        }

        if (support.Contains(RequestTrigger.Reject))
        {
            blocks.Add(new TextInputBlock(SupportFields.RejectReason, "Reason for rejecting (the reseller sees it)")
            {
                IsRequired = false,
                MaxLength = FieldLimits.SupportNote,
                Kind = TextInputKind.Multiline,
            });
            blocks.Add(new ActionsBlock([new ReplyAction("Reject", ActionIds.SupportReject, data, ReplyActionStyle.Destructive)]));
        }

        return blocks;
    }

    private static Dictionary<string, string> Data(RemovalRequest request) => new(StringComparer.Ordinal)
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
    };
}
