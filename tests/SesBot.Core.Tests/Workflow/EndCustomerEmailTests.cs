using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Workflow;

public sealed class EndCustomerEmailTests
{
    [Theory]
    [InlineData("root@adventure-works.com")]
    [InlineData("first.last+aws@sub.example.co.uk")]
    [InlineData("  root@adventure-works.com  ")]
    public void IsValid_WellFormedAddress_True(string value) => Assert.True(EndCustomerEmail.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("root")]
    [InlineData("root@localhost")]
    [InlineData("root @example.com")]
    [InlineData("Root <root@example.com>")]
    [InlineData("root@@example.com")]
    public void IsValid_NotAPlainAddress_False(string? value) => Assert.False(EndCustomerEmail.IsValid(value));

    [Fact]
    public void IsValid_LongerThan254_False() =>
        Assert.False(EndCustomerEmail.IsValid(new string('a', 250) + "@example.com"));
}
