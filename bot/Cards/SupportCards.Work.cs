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
            blocks[0] = new HeadingBlock(S.Format("Work.Heading", request.Id, info.RequestTitle));
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
            blocks.Add(new ParagraphBlock(S["Work.History"], Tone.Subtle));
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
            Summary = fresh ? card.Summary : request.AssignedToName is { } who
                ? S.Format("Work.Summary.Assigned", request.Id, Texts.Status(request.Status), who)
                : S.Format("Work.Summary", request.Id, Texts.Status(request.Status)),
            Refresh = request.IsOpen && info.Handling != OptionHandling.SelfService
                ? new ReplyAction(S["Work.Refresh"], ActionIds.SupportRefresh, Data(request)) { SubmitsInputs = false }
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
            ? S.Format("Already.Unknown", details.Request.Id)
            : S.Format("Already", SupportMoves.Done(last.Action, details.Request.Kind), last.ActorName, last.At.ToUniversalTime().ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>The reseller's answer, posted into the request's support thread.</summary>
    public static Reply AnswerInThread(RemovalRequest request, string question, string answer, string answeredBy) =>
        Reply.Card(
            S.Format("Answered", answeredBy, request.Id),
            new HeadingBlock(S.Format("Answered", answeredBy, request.Id)),
            new FactsBlock([new ReplyFact(S["Answered.Question"], question), new ReplyFact(S["Answered.Answer"], answer)]));

    private static List<ReplyFact> WorkFacts(RemovalRequest request, DateTimeOffset now)
    {
        var facts = new List<ReplyFact>
        {
            new(S["Work.AssignedTo"], request.AssignedToName is { } who
                ? S.Format("Work.AssignedToValue", who, Texts.Instant(request.AssignedAt ?? request.UpdatedAt))
                : S[request.IsOpen ? "Work.NobodyYet" : "Work.Nobody"]),
        };
        if (request.IsOpen && now - request.CreatedAt >= TimeSpan.FromMinutes(1))
        {
            facts.Add(new(S["Work.Waiting"], S.Format("Work.WaitingValue", Waiting(now - request.CreatedAt))));
        }

        if (request.OpenQuestion is { } question)
        {
            facts.Add(new(S["Work.WaitingOnReseller"], S.Format("Work.WaitingOnResellerValue", request.QuestionAskedByName, Texts.Instant(request.QuestionAskedAt ?? request.UpdatedAt), question)));
        }

        if (request.LastNote is { } last)
        {
            facts.Add(new(S[request.Status == RequestStatus.Rejected ? "Work.RejectedBecause" : "Work.LastNote"], last));
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
            return [new ParagraphBlock(S["Work.OnlySupport"], Tone.Subtle)];
        }

        if (viewer is not null && viewer.Id == request.RequestedById)
        {
            return [new ParagraphBlock(S["Work.FourEyes"], Tone.Subtle)];
        }

        var data = Data(request);
        var moves = new List<ReplyAction>();
        if (viewer is null || request.AssignedToId != viewer.Id)
        {
            moves.Add(new ReplyAction(S[request.AssignedToId is null ? "Work.AssignToMe" : "Work.TakeOver"], ActionIds.SupportAssign, data) { SubmitsInputs = false });
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
            blocks.Add(new TextInputBlock(SupportFields.Question, S["Work.Ask.Label"])
            {
                IsRequired = false,
                MaxLength = FieldLimits.SupportNote,
                Kind = TextInputKind.Multiline,
                Placeholder = S["Work.Ask.Placeholder"],
            });
            blocks.Add(new ActionsBlock([new ReplyAction(S["Work.Ask.Button"], ActionIds.SupportAsk, data)]));
        }

        if (support.Contains(RequestTrigger.Reject))
        {
            blocks.Add(new TextInputBlock(SupportFields.RejectReason, S["Work.Reject.Label"])
            {
                IsRequired = false,
                MaxLength = FieldLimits.SupportNote,
                Kind = TextInputKind.Multiline,
            });
            blocks.Add(new ActionsBlock([new ReplyAction(S["Work.Reject.Button"], ActionIds.SupportReject, data, ReplyActionStyle.Destructive)]));
        }

        return blocks;
    }

    private static Dictionary<string, string> Data(RemovalRequest request) => new(StringComparer.Ordinal)
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
    };
}
