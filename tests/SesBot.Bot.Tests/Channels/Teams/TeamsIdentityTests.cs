using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>Identity is the tenant and the AAD object id only; from.id (chosen by Web Chat / Direct Line clients) is never one.</summary>
public sealed class TeamsIdentityTests
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Alex = "00000000-0000-0000-0000-0000000000020";

    [Fact]
    public void FromMessage_AadObjectIdAndTenant_AreTheIdentity()
    {
        var input = TeamsInboundMapper.FromMessage(Message(new ChannelAccount { Id = "29:alex", AadObjectId = Alex }))!;

        Assert.Equal(Alex, input.UserKey);
        Assert.Equal(Tenant, input.TenantKey);
        Assert.Equal("29:alex", input.ChannelUserId);
    }

    [Fact]
    public void FromMessage_AlexsObjectIdInFromIdWithoutAadObjectId_IsNobody()
    {
        var input = TeamsInboundMapper.FromMessage(Message(new ChannelAccount { Id = Alex, Name = "Alex Wilber" }))!;

        Assert.Equal(string.Empty, input.UserKey);
    }

    [Fact]
    public void TenantKeyOf_ConversationAndChannelDataDisagree_Nobody()
    {
        var activity = Message(new ChannelAccount { Id = "29:alex", AadObjectId = Alex }) with
        {
            ChannelData = new TeamsChannelData { Tenant = new TeamsInfo { Id = "11111111-0000-0000-0000-000000000000" } },
        };

        Assert.Null(TeamsIdentity.TenantKeyOf(activity));
        Assert.Equal(string.Empty, TeamsInboundMapper.FromMessage(activity)!.TenantKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a b")]
    [InlineData("x\u0000")]
    public void UserKeyOf_ImplausibleAadObjectId_Nobody(string aadObjectId) =>
        Assert.Null(TeamsIdentity.UserKeyOf(Message(new ChannelAccount { Id = "29:x", AadObjectId = aadObjectId })));

    [Fact]
    public void WithoutUntrustedIdentity_NoAadObjectId_DropsFromIdSoNoOneCanBeLookedUpByIt()
    {
        var activity = Message(new ChannelAccount { Id = Alex, Name = "Alex Wilber" });

        var trusted = TeamsIdentity.WithoutUntrustedIdentity(activity);

        Assert.Null(trusted.From!.Id);
        Assert.Equal("Alex Wilber", trusted.From.Name);
        Assert.Equal(activity.Conversation, trusted.Conversation);
    }

    [Fact]
    public void WithoutUntrustedIdentity_TeamsUser_Unchanged()
    {
        var activity = Message(new ChannelAccount { Id = "29:alex", AadObjectId = Alex });

        Assert.Same(activity, TeamsIdentity.WithoutUntrustedIdentity(activity));
    }

    private static Activity Message(ChannelAccount from) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m-1",
        ChannelId = "msteams",
        Text = "customers",
        From = from,
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal", TenantId = Tenant },
        ChannelData = new TeamsChannelData { Tenant = new TeamsInfo { Id = Tenant } },
    };
}
