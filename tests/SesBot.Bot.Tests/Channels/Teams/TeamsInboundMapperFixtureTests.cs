using System.Text.Json;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Core.Conversations;
using static SesBot.Bot.Tests.Channels.Teams.TeamsFixtures;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>Real-shaped Teams activities (Fixtures/teams/) → the neutral turn input and the conversation record SesBot keeps.</summary>
public sealed class TeamsInboundMapperFixtureTests
{
    [Fact]
    public void FromMessage_PersonalMessage_TextWithSpacesCollapsedAndIdentityFromAad()
    {
        var activity = Activity("personal-message");

        var input = TeamsInboundMapper.FromMessage(activity);

        Assert.NotNull(input);
        Assert.Equal(
            ("msteams", PersonalChat, ConversationScope.Personal, Tenant, AlexAad, AlexMri, "Alex Wilber", "en-US"),
            (input.Channel, input.ConversationKey, input.Scope, input.TenantKey, input.UserKey, input.ChannelUserId, input.UserName, input.Locale));
        Assert.Equal("Remove account please", input.Text);
        Assert.Null(input.Verb);
        Assert.Empty(input.Values);
        Assert.Null(input.Email);
    }

    [Fact]
    public void FromMessage_ChannelMessageMentioningTheBot_MentionAndEntityRemoved()
    {
        var activity = Activity("channel-message-mention");

        var input = TeamsInboundMapper.FromMessage(activity);

        Assert.True(TeamsInboundMapper.MentionsBot(activity));
        Assert.NotNull(input);
        Assert.Equal(ConversationScope.TeamChannel, input.Scope);
        Assert.Equal("my requests", input.Text); // "<at>SesBot</at>" gone, the &nbsp; decoded and trimmed
        // The turn belongs to the thread; the conversation is remembered as its channel.
        Assert.Equal(Channel + ";messageid=1763460341553", input.ConversationKey);
        Assert.Equal(Channel, TeamsConversationStore.KeyOf(activity));
    }

    [Fact]
    public void RecordOf_ChannelMessage_ChannelAndTeamWithoutUser()
    {
        var record = TeamsConversationStore.RecordOf(Activity("channel-message-mention"));

        Assert.NotNull(record);
        Assert.Equal(("msteams", Channel, ConversationScope.TeamChannel, (string?)null, Team, Tenant, "Northwind Cloud Ops"),
            (record.Channel, record.ConversationKey, record.Scope, record.UserKey, record.TeamKey, record.TenantKey, record.DisplayName));
        AssertReference(record, $$"""
            {"serviceUrl":"{{ServiceUrl}}","conversationId":"{{Channel}}","conversationType":"channel","tenantId":"{{Tenant}}",
             "botId":"{{BotId}}","botName":"SesBot","teamId":"{{Team}}","channelId":"{{Channel}}"}
            """);
    }

    [Fact]
    public void FromMessage_GroupChatWithoutMention_Silent()
    {
        var activity = Activity("groupchat-no-mention");

        Assert.Equal(ConversationScope.GroupChat, TeamsInboundMapper.ScopeOf(activity));
        Assert.False(TeamsInboundMapper.MentionsBot(activity));
        Assert.Null(TeamsInboundMapper.FromMessage(activity));

        // Still remembered (SesBot may be asked to post there later), without a user: it is not a 1:1 chat.
        var record = TeamsConversationStore.RecordOf(activity);
        Assert.NotNull(record);
        Assert.Equal((ConversationScope.GroupChat, activity.Conversation!.Id!, (string?)null, (string?)null),
            (record.Scope, record.ConversationKey, record.UserKey, record.TeamKey));
    }

    [Fact]
    public void FromCardAction_ExecuteInvoke_VerbAndDataAsStringsNestedObjectsDropped()
    {
        var activity = Activity("invoke-execute-select-customer");

        var input = TeamsInboundMapper.FromCardAction(activity);

        Assert.NotNull(input);
        Assert.Equal(("selectCustomer", (string?)null, AlexAad, Tenant, PersonalChat),
            (input.Verb, input.Text, input.UserKey, input.TenantKey, input.ConversationKey));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flow"] = "5f0c3a9e2b7d4c18a6e1f2d3c4b5a697",
                ["step"] = "SelectCustomer",
                ["customerId"] = "c-contoso",
                ["search"] = string.Empty,
                ["version"] = "3",
                ["confirmed"] = "true",
            },
            input.Values);
        // An invoke is not a message: it yields no message turn.
        Assert.Null(TeamsInboundMapper.FromSearch(activity));
    }

    [Fact]
    public void FromMessage_SubmitFallback_VerbTakenOutOfTheValuesAndNoText()
    {
        var activity = Activity("message-submit-fallback");

        var input = TeamsInboundMapper.FromMessage(activity);

        Assert.NotNull(input);
        Assert.Equal(("confirmDelete", (string?)null, "en-GB"), (input.Verb, input.Text, input.Locale));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flow"] = "5f0c3a9e2b7d4c18a6e1f2d3c4b5a697",
                ["step"] = "ConfirmDelete",
                ["confirmation"] = " 210987654321 ", // as typed: the dialog trims and checks it
            },
            input.Values);
        Assert.Null(TeamsInboundMapper.FromCardAction(activity));
    }

    [Fact]
    public void FromSearch_CustomersTypeahead_DatasetTextAndPage()
    {
        var activity = Activity("invoke-search-customers");

        var search = TeamsInboundMapper.FromSearch(activity);

        Assert.NotNull(search);
        var (input, dataset, text, skip, top) = search.Value;
        Assert.Equal(("customers", "cont", 0, 10), (dataset, text, skip, top));
        Assert.Equal((AlexAad, Tenant, (string?)null, (string?)null), (input.UserKey, input.TenantKey, input.Verb, input.Text));
        Assert.Null(TeamsInboundMapper.FromCardAction(activity));
    }

    [Fact]
    public void ConversationUpdate_BotAddedToTeam_WelcomeInputAndSelectedChannelRemembered()
    {
        var activity = Activity("conversation-update-bot-added-team");

        Assert.Contains(activity.MembersAdded!, m => m.Id == activity.Recipient!.Id);
        var input = TeamsInboundMapper.ForConversation(activity);
        Assert.Equal((ConversationScope.TeamChannel, Channel, AlexAad, Tenant, (string?)null, (string?)null),
            (input.Scope, input.ConversationKey, input.UserKey, input.TenantKey, input.Text, input.Verb));

        var record = TeamsConversationStore.RecordOf(activity);
        Assert.NotNull(record);
        Assert.Equal((Channel, Team, "Northwind Cloud Ops", (string?)null), (record.ConversationKey, record.TeamKey, record.DisplayName, record.UserKey));
        Assert.Equal(Channel, TeamsConversationStore.Read(Address(record)).ChannelId);
    }

    [Fact]
    public void InstallationUpdate_Remove_KeyOfThePersonalChatAndPersonalReference()
    {
        var activity = Activity("installation-update-remove");

        Assert.Equal(("installationUpdate", "remove"), (activity.Type, activity.Action));
        Assert.Equal(PersonalChat, TeamsConversationStore.KeyOf(activity));
        var record = TeamsConversationStore.RecordOf(activity);
        Assert.NotNull(record);
        Assert.Equal((ConversationScope.Personal, AlexAad, (string?)null), (record.Scope, record.UserKey, record.TeamKey));
        AssertReference(record, $$"""
            {"serviceUrl":"{{ServiceUrl}}","conversationId":"{{PersonalChat}}","conversationType":"personal","tenantId":"{{Tenant}}",
             "botId":"{{BotId}}","botName":"SesBot","userId":"{{AlexMri}}","userAadObjectId":"{{AlexAad}}"}
            """);
    }

    [Fact]
    public void FromMessage_NoAadObjectId_NobodyAndFromIdDroppedBeforeThePipeline()
    {
        var activity = Activity("message-without-aad-object-id");

        var input = TeamsInboundMapper.FromMessage(activity);
        Assert.NotNull(input);
        Assert.Equal((string.Empty, Tenant, AlexMri, "remove account"), (input.UserKey, input.TenantKey, input.ChannelUserId, input.Text));

        // What the endpoint hands on: from.id is not trusted without an AAD object id, so it cannot be looked up either.
        var trusted = TeamsInboundMapper.FromMessage(TeamsIdentity.WithoutUntrustedIdentity(activity));
        Assert.NotNull(trusted);
        Assert.Equal((string.Empty, (string?)null, "Alex Wilber"), (trusted.UserKey, trusted.ChannelUserId, trusted.UserName));
    }

    [Fact]
    public void UnknownType_ParsedWithItsExtraFieldsAndNotATurn()
    {
        var activity = Activity("unknown-type");

        Assert.Equal("meetingReminder", activity.Type);
        Assert.True(activity.ChannelData!.Extra!.ContainsKey("futureField"));
        Assert.Null(TeamsInboundMapper.FromCardAction(activity)); // its value has no action
        Assert.Null(TeamsInboundMapper.FromSearch(activity)); // nor a dataset
        Assert.Equal(PersonalChat, TeamsConversationStore.KeyOf(activity));
    }

    [Theory]
    [InlineData("personal-message")]
    [InlineData("channel-message-mention")]
    [InlineData("groupchat-no-mention")]
    [InlineData("invoke-execute-select-customer")]
    [InlineData("message-submit-fallback")]
    [InlineData("invoke-search-customers")]
    [InlineData("conversation-update-bot-added-team")]
    [InlineData("installation-update-remove")]
    [InlineData("message-without-aad-object-id")]
    [InlineData("unknown-type")]
    public void Fixture_EveryTeamsActivity_ParsesAndNamesTheSameTenantTwice(string name)
    {
        var activity = Activity(name);

        Assert.Equal(("msteams", ServiceUrl, BotId), (activity.ChannelId, activity.ServiceUrl, activity.Recipient?.Id));
        Assert.Equal(Tenant, TeamsIdentity.TenantKeyOf(activity));
    }

    private static ConversationAddress Address(Pipeline.ConversationRecord record) =>
        new(record.Channel, record.ConversationKey, record.Scope, record.ReferenceJson, DateTimeOffset.UnixEpoch);

    private static void AssertReference(Pipeline.ConversationRecord record, string expected) =>
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(record.ReferenceJson).RootElement),
            $"The reference is {record.ReferenceJson}");
}
