using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SesBot.Core.Localization;

/// <summary>
/// The texts of one type, read from its <c>.resx</c> resources (under <c>Resources/</c>, named like the type, the .NET
/// convention <c>IStringLocalizer&lt;T&gt;</c> follows) in the current UI culture, formatted in the current culture.
/// The turn sets both cultures for the person it answers; the texts of static types (policy, cards) are read through
/// this, services may inject <see cref="IStringLocalizer{T}"/> for the same resources. A key missing from the neutral
/// resources is a programming error and throws; a key missing in a language falls back to English.
/// </summary>
public sealed class Strings
{
    /// <summary>Where resources live in each project (<c>Resources/Area/Type.resx</c>).</summary>
    public const string ResourcesPath = "Resources";

    private static readonly ResourceManagerStringLocalizerFactory Factory = new(
        Options.Create(new LocalizationOptions { ResourcesPath = ResourcesPath }), NullLoggerFactory.Instance);

    private readonly IStringLocalizer _localizer;

    /// <summary>
    /// Texts already read, by UI culture and key, found or not. The resources never change while the process runs; a
    /// card reads dozens of texts, and each read walks the culture's fallback chain in the resource manager (about 1 %
    /// of a turn's CPU before this). Some keys are built from data (a country code): at most
    /// <see cref="MaxRemembered"/> are kept, later ones are read each time.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(CultureInfo Culture, string Key), LocalizedString> _read = new();

    /// <summary>How many texts one <see cref="Strings"/> keeps at most (every language together).</summary>
    internal const int MaxRemembered = 4096;

    private Strings(IStringLocalizer localizer) => _localizer = localizer;

    /// <summary>The texts of <paramref name="owner"/> (static types too).</summary>
    public static Strings For(Type owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new Strings(Factory.Create(owner));
    }

    /// <summary>The localizer behind these texts (e.g. to list every key in a test).</summary>
    public IStringLocalizer Localizer => _localizer;

    /// <summary>The text under <paramref name="key"/>, as it stands.</summary>
    public string this[string key]
    {
        get
        {
            var text = Read(key);
            return text.ResourceNotFound
                ? throw new InvalidOperationException($"The text \"{key}\" is missing from {text.SearchedLocation}.")
                : text.Value;
        }
    }

    /// <summary>The text under <paramref name="key"/>, or null when the resources have none (for open-ended keys).</summary>
    public string? Find(string key)
    {
        var text = Read(key);
        return text.ResourceNotFound ? null : text.Value;
    }

    /// <summary>How many texts are kept (for tests).</summary>
    internal int Remembered => _read.Count;

    private LocalizedString Read(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entry = (CultureInfo.CurrentUICulture, key);
        if (_read.TryGetValue(entry, out var text))
        {
            return text;
        }

        text = _localizer[key];
        if (_read.Count < MaxRemembered)
        {
            _read.TryAdd(entry, text);
        }

        return text;
    }

    /// <summary>The text under <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>
    /// The countable text <c>key.One</c> or <c>key.Other</c>, whichever <paramref name="count"/> takes in the current
    /// UI language, with <c>{0}</c> the count (formatted) and <paramref name="args"/> from <c>{1}</c> on.
    /// </summary>
    public string Plural(string key, long count, params object?[] args)
    {
        var form = PluralRules.For(CultureInfo.CurrentUICulture, count);
        return string.Format(CultureInfo.CurrentCulture, this[key + "." + form], [count, .. args]);
    }
}
