using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Localization;
using SesBot.Core.Localization;

namespace SesBot.Bot.Tests.Localization;

/// <summary>
/// Every text SesBot has in English exists, non-empty, in German and French, with the same placeholders; countable
/// texts have both plural forms; and the resources are built into the assemblies where the code looks for them.
/// </summary>
public sealed class ResourceCompletenessTests
{
    public static TheoryData<string> NeutralFiles => [.. ResxFile.NeutralFiles()];

    public static TheoryData<string, string> FilesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var file in ResxFile.NeutralFiles())
            {
                foreach (var language in ResxFile.Languages)
                {
                    data.Add(file, language);
                }
            }

            return data;
        }
    }

    [Fact]
    public void NeutralFiles_BothProjects_HaveResources() =>
        Assert.True(ResxFile.NeutralFiles().Count() >= 10, string.Join(", ", ResxFile.NeutralFiles()));

    [Theory]
    [MemberData(nameof(FilesAndLanguages))]
    public void Language_EveryNeutralKey_IsTranslatedWithTheSamePlaceholders(string neutralPath, string language)
    {
        var neutral = ResxFile.Read(neutralPath);
        var translatedPath = ResxFile.InLanguage(neutralPath, language);
        Assert.True(File.Exists(Support.RepoPaths.InRoot(translatedPath)), $"{translatedPath} is missing.");
        var translated = ResxFile.Read(translatedPath);

        var problems = new List<string>();
        foreach (var (key, english) in neutral.Entries)
        {
            if (!translated.Entries.TryGetValue(key, out var text))
            {
                problems.Add($"{key}: missing");
            }
            else if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(english))
            {
                problems.Add($"{key}: empty");
            }
            else if (!ResxFile.Placeholders(english).SetEquals(ResxFile.Placeholders(text)))
            {
                problems.Add($"{key}: placeholders {{{string.Join(",", ResxFile.Placeholders(english).Order())}}} in English, " +
                    $"{{{string.Join(",", ResxFile.Placeholders(text).Order())}}} in {language}");
            }
        }

        problems.AddRange(translated.Entries.Keys.Except(neutral.Entries.Keys).Select(k => $"{k}: not in the neutral resources"));
        Assert.True(problems.Count == 0, $"{translatedPath}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void Neutral_EveryText_IsAFormatStringAndCountablesHaveBothForms(string neutralPath)
    {
        var neutral = ResxFile.Read(neutralPath);
        var problems = new List<string>();
        foreach (var (key, text) in neutral.Entries)
        {
            if (string.IsNullOrWhiteSpace(text) && !key.StartsWith("List.Separator", StringComparison.Ordinal))
            {
                problems.Add($"{key}: empty");
            }

            foreach (var language in ResxFile.Languages.Prepend("en"))
            {
                var value = language == "en" ? text : ResxFile.Read(ResxFile.InLanguage(neutralPath, language)).Entries.GetValueOrDefault(key, text);
                try
                {
                    _ = string.Format(CultureInfo.InvariantCulture, value, [.. Enumerable.Range(0, 10).Select(i => (object)i)]);
                }
                catch (FormatException ex)
                {
                    problems.Add($"{key} ({language}): not a format string: {ex.Message}");
                }
            }

            var plural = key.EndsWith(".One", StringComparison.Ordinal) ? key[..^4] + ".Other"
                : key.EndsWith(".Other", StringComparison.Ordinal) ? key[..^6] + ".One"
                : null;
            if (plural is not null && !neutral.Entries.ContainsKey(plural))
            {
                problems.Add($"{key}: its other plural form {plural} is missing");
            }
        }

        Assert.True(problems.Count == 0, $"{neutralPath}:\n" + string.Join("\n", problems));
    }

    /// <summary>Resources/Area/Type.resx belongs to the type Area.Type of the project, and is read through it in every language.</summary>
    [Theory]
    [MemberData(nameof(FilesAndLanguages))]
    public void Assembly_EveryResource_IsFoundThroughItsTypeInEachLanguage(string neutralPath, string language)
    {
        var parts = neutralPath.Split(Path.DirectorySeparatorChar, '/');
        var (assembly, root) = parts[0] == "core"
            ? (typeof(Strings).Assembly, "SesBot.Core")
            : (typeof(Program).Assembly, "SesBot.Bot");
        var typeName = root + "." + string.Join('.', parts[2..])[..^".resx".Length];
        var type = assembly.GetType(typeName);
        Assert.True(type is not null, $"{neutralPath} has no type {typeName} to read it through.");

        var expected = ResxFile.Read(ResxFile.InLanguage(neutralPath, language)).Entries;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var strings = Strings.For(type);
            Assert.All(expected, e => Assert.Equal(e.Value, strings[e.Key]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void StringLocalizer_FromTheServices_ReadsTheSameResourcesInTheCurrentCulture()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSesBotLanguages()
            .BuildServiceProvider();
        var localizer = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SesBot.Bot.Dialogs.SesBotTurnHandler>>();

        var german = SupportedCultures.In(CultureInfo.GetCultureInfo("de-AT"), () => localizer["Cancel.NothingInProgress"].Value);

        Assert.Equal("Es läuft gerade nichts, das abgebrochen werden könnte.", german);
        Assert.Equal("There's nothing in progress to cancel.", SupportedCultures.In(SupportedCultures.Default, () => localizer["Cancel.NothingInProgress"].Value));
    }

    /// <summary>Keys built from an enum value at run time: every value has its text (a missing one throws mid-turn).</summary>
    [Fact]
    public void KeysBuiltFromEnums_EveryValueHasItsText()
    {
        var cloud = Strings.For(typeof(CloudCards));
        var texts = Strings.For(typeof(Texts));
        List<string> missing =
        [
            .. Enum.GetNames<SesBot.Core.Execution.CloudOperation>().SelectMany(o => new[] { "Title." + o, "Retry." + o }).Where(k => cloud.Find(k) is null),
            .. Enum.GetNames<SesBot.Core.Execution.CloudExecutionStatus>().Select(s => "Execution." + s).Where(k => cloud.Find(k) is null),
            .. Enum.GetNames<SesBot.Core.Domain.RequestStatus>().Select(s => "Status." + s).Where(k => texts.Find(k) is null),
        ];
        Assert.True(missing.Count == 0, "Missing texts: " + string.Join(", ", missing));
    }

    [Fact]
    public void Strings_KeyMissingFromTheNeutralResources_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Strings.For(typeof(Texts))["No.Such.Key"]);

    [Fact]
    public void Plural_FrenchZero_IsSingularEnglishZeroIsPlural()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("0 champ", Texts.Count("Fields", 0));
            Assert.Equal("2 champs", Texts.Count("Fields", 2));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1 Monat", Texts.Count("Months", 1));
            Assert.Equal("0 Monate", Texts.Count("Months", 0));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("1 month", Texts.Count("Months", 1));
            Assert.Equal("0 fields", Texts.Count("Fields", 0));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
