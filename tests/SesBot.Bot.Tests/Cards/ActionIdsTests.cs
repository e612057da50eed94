using System.Reflection;
using System.Text.RegularExpressions;
using SesBot.Bot.Cards;

namespace SesBot.Bot.Tests.Cards;

public sealed partial class ActionIdsTests
{
    [Fact]
    public void All_ListsEveryConstant()
    {
        var constants = typeof(ActionIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(constants, ActionIds.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_AreUniqueCamelCaseAndFitASlackActionId()
    {
        Assert.Equal(ActionIds.All.Count, ActionIds.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ActionIds.All, id =>
        {
            Assert.Matches(CamelCase(), id);
            Assert.InRange(id.Length, 1, 255);
        });
    }

    [GeneratedRegex("^[a-z][A-Za-z]*$")]
    private static partial Regex CamelCase();
}
