using System.Text;
using SesBot.Bot.Channels.Teams;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>Malformed Unicode is refused with 400 before anything reads the strings.</summary>
public sealed class ActivityReaderTests
{
    [Theory]
    [InlineData("""{"type":"message","text":"\ud800"}""")]
    [InlineData("""{"type":"message","text":"a\udc00b"}""")]
    [InlineData("""{"type":"message","value":{"customerName":"\ud83d"}}""")]
    [InlineData("""{"type":"message","\ud800":"x"}""")]
    public void Parse_LoneSurrogateEscape_400InvalidText(string json)
    {
        var (activity, refusal, _) = ActivityReader.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(activity);
        Assert.Same(InboundRefusal.InvalidText, refusal);
    }

    [Fact]
    public void Parse_InvalidUtf8Bytes_400InvalidText()
    {
        byte[] json = [.. Encoding.ASCII.GetBytes("""{"type":"message","text":" """), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\"}")];

        Assert.Same(InboundRefusal.InvalidText, ActivityReader.Parse(json).Refusal);
    }

    [Theory]
    [InlineData(false, new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate (U+D800) encoded as UTF-8: never valid
    [InlineData(true, new byte[] { 0xED, 0xB0, 0x80 })] // U+DC00, in a property name
    [InlineData(false, new byte[] { 0xC0, 0xAF })] // an overlong encoding of '/'
    [InlineData(true, new byte[] { 0xF0, 0x9F, 0x98 })] // a four-byte sequence cut short, in a property name
    public void Parse_InvalidUtf8WithoutEscapes_InAValueOrAName_400InvalidText(bool inName, byte[] bad)
    {
        byte[] json = inName
            ? [.. Encoding.ASCII.GetBytes("""{"type":"message","a"""), .. bad, .. Encoding.ASCII.GetBytes("\":\"x\"}")]
            : [.. Encoding.ASCII.GetBytes("""{"type":"message","text":"a"""), .. bad, .. Encoding.ASCII.GetBytes("b\"}")];

        Assert.Same(InboundRefusal.InvalidText, ActivityReader.Parse(json).Refusal);
    }

    [Fact]
    public void Parse_RawUtf8EmojiAndAccents_Accepted()
    {
        var (activity, refusal, _) = ActivityReader.Parse(Encoding.UTF8.GetBytes("""{"type":"message","text":"😀 Zoë ñ 漢字","value":{"名前":"Café"}}"""));

        Assert.Null(refusal);
        Assert.Equal("😀 Zoë ñ 漢字", activity!.Text);
    }

    [Fact]
    public void Parse_SurrogatePairAndAccents_Accepted()
    {
        var (activity, refusal, _) = ActivityReader.Parse(Encoding.UTF8.GetBytes("""{"type":"message","text":"\ud83d\ude00 Café"}"""));

        Assert.Null(refusal);
        Assert.Equal("😀 Café", activity!.Text);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("[]")]
    public void Parse_NotAnActivity_400BadRequest(string json) =>
        Assert.Same(InboundRefusal.BadRequest, ActivityReader.Parse(Encoding.UTF8.GetBytes(json)).Refusal);
}
