using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;

namespace SesBot.Bot.Dialogs;

/// <summary>The removal dialog as the dialog host sees it: its name and how its state is stored.</summary>
public sealed partial class RemovalDialog : IDialog
{
    public const string DialogName = "removal";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(RemovalDialogJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public string Name => DialogName;

    public int SchemaVersion => FlowState.SchemaVersion;

    public IDialogState? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FlowState>(json, Json) is { } state && Enum.IsDefined(state.Step) && Enum.IsDefined(state.Kind) ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Write(IDialogState state) => JsonSerializer.Serialize((FlowState)state, Json);

    Task<FlowOutcome> IDialog.OnActionAsync(IDialogState state, TurnInput input, Actor actor, CancellationToken cancellationToken) =>
        OnActionAsync((FlowState)state, input, actor, cancellationToken);

    Task<FlowOutcome> IDialog.OnTextAsync(IDialogState state, string text, Actor actor, CancellationToken cancellationToken) =>
        OnTextAsync((FlowState)state, text, actor, cancellationToken);

    Task<Reply> IDialog.RenderAsync(IDialogState state, Actor actor, CancellationToken cancellationToken) =>
        RenderAsync((FlowState)state, actor, cancellationToken);
}

/// <summary>
/// The removal dialog's state, with its JSON contract generated at build time: read and written on every turn, and a
/// fresh process need not build it by reflection first. The options are those of <see cref="RemovalDialog"/>.
/// </summary>
[JsonSerializable(typeof(FlowState))]
internal sealed partial class RemovalDialogJsonContext : JsonSerializerContext;
