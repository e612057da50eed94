using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using Card = SesBot.Bot.Channels.Teams.AdaptiveCards;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Renders channel-neutral replies as Teams messages: plain text, or an Adaptive Card 1.5 with Action.Execute buttons.
/// Neutral blocks carry plain text; every text placed where the card interprets markdown (TextBlock, FactSet) goes
/// through <see cref="AdaptiveCardText.Escape"/>, so names people typed show as typed.
/// </summary>
public sealed class TeamsReplyRenderer
{
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
            switch (block)
            {
                case HeadingBlock heading:
                    body.Add(new TextBlock { Text = AdaptiveCardText.Escape(heading.Text), Weight = TextWeight.Bolder, Size = TextSize.Medium, Wrap = true });
                    break;
                case ParagraphBlock { Tone: Tone.Warning or Tone.Attention } emphasised:
                    body.Add(new Container
                    {
                        Style = emphasised.Tone == Tone.Warning ? ContainerStyle.Warning : ContainerStyle.Attention,
                        Items = [new TextBlock { Text = AdaptiveCardText.Escape(emphasised.Text), Wrap = true, Weight = TextWeight.Bolder }],
                    });
                    break;
                case ParagraphBlock paragraph:
                    body.Add(new TextBlock
                    {
                        Text = AdaptiveCardText.Escape(paragraph.Text),
                        Wrap = true,
                        IsSubtle = paragraph.Tone == Tone.Subtle ? true : null,
                        Color = paragraph.Tone == Tone.Good ? TextColor.Good : null,
                    });
                    break;
                case FactsBlock facts:
                    body.Add(new FactSet { Facts = [.. facts.Facts.Select(f => new Card.Fact { Title = AdaptiveCardText.Escape(f.Label), Value = AdaptiveCardText.Escape(f.Value) })] });
                    break;
                case ChoiceInputBlock choice:
                    body.Add(new ChoiceSetInput
                    {
                        Id = choice.Id,
                        Label = choice.Label,
                        IsRequired = choice.IsRequired ? true : null,
                        ErrorMessage = choice.IsRequired ? $"Choose {choice.Label.ToLowerInvariant()}." : null,
                        Choices = [.. choice.Choices.Select(c => new Card.Choice { Title = c.Title, Value = c.Value })],
                        ChoicesData = choice.SearchDataset is null ? null : new DataQuery { Dataset = choice.SearchDataset },
                        Style = choice.SearchDataset is not null || choice.Choices.Count > 7 ? ChoiceInputStyle.Filtered : ChoiceInputStyle.Compact,
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
                        ErrorMessage = input.IsRequired ? $"{input.Label} is required." : null,
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

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = reply.Summary,
            MsTeams = new TeamsCardProperties { Width = "Full" },
            Refresh = reply.Refresh is { } refresh ? new CardRefresh { Action = ToAction(refresh) with { Fallback = null } } : null,
        };
    }

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
