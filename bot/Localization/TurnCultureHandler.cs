using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;

namespace SesBot.Bot.Localization;

/// <summary>
/// Runs each turn in the person's culture (see <see cref="TurnCultures"/>): it sets <see cref="CultureInfo.CurrentUICulture"/>
/// (which resources are read) and <see cref="CultureInfo.CurrentCulture"/> (how dates and numbers are written) for the
/// handler call, so the dialogs, the cards and the core's texts need no culture parameter. Both are async-local: they
/// flow into everything the handler awaits and are back to what they were once this method returns, so nothing
/// outside the turn (another turn on the same thread, the pipeline's commit) sees them.
/// </summary>
public sealed class TurnCultureHandler(SesBotTurnHandler inner, TurnCultures cultures, ILogger<TurnCultureHandler> logger) : ITurnHandler
{
    public async Task<TurnResult> HandleAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Set here, in this async method, and not in a helper: a culture set inside an awaited helper would be undone
        // when the helper returns.
        var (culture, source) = await cultures.ResolveAsync(input, cancellationToken);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        Log.TurnCulture(logger, culture.Name, input.Locale, source);
        return await inner.HandleAsync(input, cancellationToken);
    }

    public async Task<TurnResult> WelcomeAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (culture, source) = await cultures.ResolveAsync(input, cancellationToken);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        Log.TurnCulture(logger, culture.Name, input.Locale, source);
        return await inner.WelcomeAsync(input, cancellationToken);
    }

    public Task<IReadOnlyList<ReplyChoice>> SearchAsync(TurnInput input, string dataset, string? text, int skip, int take, CancellationToken cancellationToken) =>
        inner.SearchAsync(input, dataset, text, skip, take, cancellationToken);
}
