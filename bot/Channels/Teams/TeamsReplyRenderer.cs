using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Localization;
using Card = SesBot.Bot.Channels.Teams.AdaptiveCards;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Renders channel-neutral replies as Teams messages: plain text, or an Adaptive Card 1.5 with Action.Execute buttons.
/// Neutral blocks carry plain text; every text placed where the card interprets markdown (TextBlock, FactSet) goes
/// through <see cref="AdaptiveCardText.Escape"/>, so names people typed show as typed.
/// </summary>
public sealed class TeamsReplyRenderer
{
    private static readonly Strings S = Strings.For(typeof(TeamsReplyRenderer));

    public Activity ToActivity(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsPlainText)
        {
            return new Activity { Type = ActivityTypes.Message, Text = ((ParagraphBlock)reply.Blocks[0]).Text, TextFormat = "plain" };
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            Summary = reply.Summary,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = ToCard(reply) }],
        };
    }

    public AdaptiveCard ToCard(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var body = new List<CardElement>();
        foreach (var block in reply.Blocks)
        {
            Render(block, body);
        }

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = reply.Summary,
            MsTeams = new TeamsCardProperties { Width = "Full" },
            Refresh = reply.Refresh is { } refresh ? new CardRefresh { Action = ToAction(refresh) with { Fallback = null } } : null,
        };
    }

    private static void Render(ReplyBlock block, List<CardElement> body)
    {
        switch (block)
        {
            case HeadingBlock heading:
                body.Add(new TextBlock { Text = AdaptiveCardText.Escape(heading.Text), Weight = TextWeight.Bolder, Size = TextSize.Medium, Wrap = true });
                break;
            case ParagraphBlock { Tone: Tone.Warning or Tone.Attention or Tone.Good } emphasised:
                body.Add(Emphasised(emphasised.Text, emphasised.Tone));
                break;
            case ParagraphBlock paragraph:
                body.Add(new TextBlock
                {
                    Text = AdaptiveCardText.Escape(paragraph.Text),
                    Wrap = true,
                    IsSubtle = paragraph.Tone == Tone.Subtle ? true : null,
                });
                break;
            case FactsBlock facts:
                body.Add(new FactSet { Facts = [.. facts.Facts.Select(f => new Card.Fact { Title = AdaptiveCardText.Escape(f.Label), Value = AdaptiveCardText.Escape(f.Value) })] });
                break;
            case BadgesBlock badges:
                body.Add(Badges(badges.Badges));
                break;
            case ItemsBlock items:
                body.AddRange(items.Items.Select(Item));
                break;
            case SectionBlock section:
                var inner = new List<CardElement>
                {
                    new TextBlock { Text = AdaptiveCardText.Escape(section.Heading), Weight = TextWeight.Bolder, Wrap = true },
                };
                foreach (var child in section.Blocks)
                {
                    Render(child, inner);
                }

                body.Add(new Container { Style = ContainerStyle.Emphasis, Items = inner, Spacing = Spacing.Medium });
                break;
            case ChoiceInputBlock choice:
                body.Add(new ChoiceSetInput
                {
                    Id = choice.Id,
                    Label = choice.Label,
                    IsRequired = choice.IsRequired ? true : null,
                    ErrorMessage = choice.IsRequired ? S["Required.Choice"] : null,
                    Choices = [.. choice.Choices.Select(c => new Card.Choice { Title = c.Title, Value = c.Value })],
                    ChoicesData = choice.SearchDataset is null ? null : new DataQuery { Dataset = choice.SearchDataset },
                    Style = choice.SearchDataset is not null || choice.IsSearchable || choice.Choices.Count > 7 ? ChoiceInputStyle.Filtered : ChoiceInputStyle.Compact,
                    Value = choice.Value,
                    Placeholder = choice.Placeholder,
                });
                AddFieldError(body, choice.Error);
                break;
            case TextInputBlock input:
                body.Add(new TextInput
                {
                    Id = input.Id,
                    Label = input.Label,
                    IsRequired = input.IsRequired ? true : null,
                    // Under the field it is about: it does not repeat the field's name.
                    ErrorMessage = input.IsRequired
                        ? input.Kind switch
                        {
                            TextInputKind.Email => S["Required.Email"],
                            TextInputKind.Phone => S["Required.Phone"],
                            _ => S["Required.Text"],
                        }
                        : null,
                    Value = input.Value,
                    Placeholder = input.Placeholder,
                    MaxLength = input.MaxLength,
                    IsMultiline = input.Kind == TextInputKind.Multiline ? true : null,
                    Style = input.Kind switch
                    {
                        TextInputKind.Email => TextInputStyle.Email,
                        TextInputKind.Phone => TextInputStyle.Tel,
                        _ => null,
                    },
                });
                AddFieldError(body, input.Error);
                break;
            case ActionsBlock actions:
                body.Add(new ActionSet { Actions = [.. actions.Actions.Select(ToAction)] });
                break;
            default:
                throw new NotSupportedException($"No Teams rendering for {block.GetType().Name}.");
        }
    }

    /// <summary>
    /// A warning, attention or success note: dark bold text on a tinted background (readable, and it reads as a note
    /// without the colour too).
    /// </summary>
    private static Container Emphasised(string text, Tone tone) => new()
    {
        Style = tone switch
        {
            Tone.Warning => ContainerStyle.Warning,
            Tone.Good => ContainerStyle.Good,
            _ => ContainerStyle.Attention,
        },
        Items = [new TextBlock { Text = AdaptiveCardText.Escape(text), Wrap = true, Weight = TextWeight.Bolder }],
    };

    private const int BadgesPerListRow = 2;

    /// <summary>One row of a list: title, detail and badges on the left, the row's button on the right, its warnings below.</summary>
    private static Container Item(ReplyItem item)
    {
        var left = new List<CardElement>
        {
            new TextBlock { Text = AdaptiveCardText.Escape(item.Title), Weight = TextWeight.Bolder, Wrap = true },
        };
        if (item.Detail is { } detail)
        {
            left.Add(new TextBlock { Text = AdaptiveCardText.Escape(detail), Wrap = true, IsSubtle = true, Spacing = Spacing.None });
        }

        // Beside the row's button there is room for two badges side by side: more in one row squeezed a short one until
        // it broke inside its word ("act ive" in the web client). Two a row, one row under the other.
        foreach (var row in item.Badges.Chunk(BadgesPerListRow))
        {
            left.Add(Badges(row) with { Spacing = Spacing.Small });
        }

        var columns = new List<Column> { new() { Width = ColumnWidth.Stretch, Items = left } };
        if (item.Action is { } action)
        {
            columns.Add(new Column { Width = ColumnWidth.Auto, VerticalContentAlignment = "center", Items = [new ActionSet { Actions = [ToAction(action)] }] });
        }

        return new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items = [new ColumnSet { Columns = columns }, .. item.Warnings.Select(w => Emphasised(w, Tone.Warning))],
        };
    }

    /// <summary>
    /// Badges side by side, each a small bold text on a tinted background. Adaptive Cards 1.5 in Teams has no Badge
    /// element; the text carries the meaning, the colour only repeats it.
    /// </summary>
    private static ColumnSet Badges(IReadOnlyList<ReplyBadge> badges) => new()
    {
        Columns = [.. badges.Select(b => new Column
        {
            Width = ColumnWidth.Auto,
            Items =
            [
                new Container
                {
                    Style = b.Tone switch
                    {
                        Tone.Good => ContainerStyle.Good,
                        Tone.Warning => ContainerStyle.Warning,
                        Tone.Attention => ContainerStyle.Attention,
                        _ => ContainerStyle.Emphasis,
                    },
                    Items = [new TextBlock { Text = AdaptiveCardText.Escape(b.Text), Size = TextSize.Small, Weight = TextWeight.Bolder, Wrap = true }],
                },
            ],
        })],
    };

    /// <summary>
    /// Action.Execute, with an Action.Submit fallback for clients without Universal Actions: the verb then travels in
    /// the data under <see cref="ExecuteAction.VerbDataKey"/>.
    /// </summary>
    private static ExecuteAction ToAction(ReplyAction action)
    {
        var style = action.Style switch
        {
            Dialogs.Turns.ReplyActionStyle.Primary => Card.ActionStyle.Positive,
            Dialogs.Turns.ReplyActionStyle.Destructive => Card.ActionStyle.Destructive,
            _ => (Card.ActionStyle?)null,
        };
        return ExecuteAction.WithSubmitFallback(
            action.Verb,
            action.Title,
            new Dictionary<string, string>(action.Data ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            style,
            action.SubmitsInputs ? null : "none");
    }

    private static void AddFieldError(List<CardElement> body, string? error)
    {
        if (!string.IsNullOrEmpty(error))
        {
            body.Add(new TextBlock { Text = AdaptiveCardText.Escape(error), Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None, Size = TextSize.Small });
        }
    }
}
