using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>A new request writes, in its own turn, one outbox row that opens its thread in the Teams support channel.</summary>
public sealed class SupportThreadOutboxTests : IAsyncLifetime
{
    private const string ChannelId = "19:support-desk@thread.tacv2";
    private const string TeamId = "19:ses-support-team@thread.tacv2";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private DialogHost _host = null!;

    public async Task InitializeAsync() => _host = await DialogHost.StartAsync(configure: services =>
    {
        services.AddSingleton<TeamsReplyRenderer>();
        services.AddSingleton<ISupportThreadPoster, TeamsSupportThreadPoster>();
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Submit_RemoveFromPayerWithSupportChannel_WritesOneChannelThreadRowWithTheCard()
    {
        await RememberSupportChannelAsync();
        var alex = new DialogTranscript(_host, Person.Alex);
        await alex.As(Person.Isaiah).SendInChannel(ChannelId, "use this channel for support requests").AssertText("Done");
        _host.Clock.Advance(TimeSpan.FromMinutes(3));

        var id = await SubmitRemoveFromPayerAsync(alex);
        alex.Last.AssertText(RemovalOptionCatalog.Get(RemovalOption.AwsRemoveFromPayer).NextSteps).AssertNoText("has not been alerted");

        var rows = await _host.DbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal((TeamsChannelThreadMessage.Kind, SupportDesk.ThreadKey(id), $"msteams:{ChannelId}", OutboxStatus.Pending),
            (row.Kind, row.IdempotencyKey, row.OrderingKey, row.Status));
        var payload = JsonSerializer.Deserialize<TeamsChannelThreadMessage>(row.PayloadJson, ProtocolJson.Options)!;
        Assert.Equal((ServiceUrl, ChannelId, TeamId, DemoData.PlaygroundTenantId, "28:sesbot-app-id"),
            (payload.ServiceUrl, payload.ChannelId, payload.TeamId, payload.TenantId, payload.Bot.Id));

        var card = Assert.Single(payload.Activity.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, card.ContentType);
        var text = JsonSerializer.Serialize(card.Content, ProtocolJson.Options);
        foreach (var expected in new[]
        {
            $"New request {id}: Remove from the payer organization", "Northwind Cloud Partners", "Adventure Works Cycles", "345678901234",
            "owned by the customer", "billing data for 3 months", "Remove from the payer organization", "Alex Wilber",
            "18 Nov 2026 10:03 UTC", "Billing impact (previewed at submission)", "Submitted, waiting for support",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submit_TransferOfOwnership_CardCarriesTheContactAsTyped()
    {
        await RememberSupportChannelAsync();
        var alex = new DialogTranscript(_host, Person.Alex);
        await alex.As(Person.Isaiah).SendInChannel(ChannelId, "use this channel for support requests");

        await alex.Send("remove account");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"));
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-prod"));
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsTransferOwnership)));
        await alex.Click(ActionIds.ReviewTransferContact, TransferContactInputs());
        await alex.Click(ActionIds.SubmitTransferRequest).AssertText("is submitted");

        var row = Assert.Single(await _host.DbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
        var payload = JsonSerializer.Deserialize<TeamsChannelThreadMessage>(row.PayloadJson, ProtocolJson.Options)!;
        var text = JsonSerializer.Serialize(payload.Activity.Attachments![0].Content, ProtocolJson.Options);
        Assert.Contains("New owner", text, StringComparison.Ordinal);
        Assert.Contains("Fourth Coffee \\\\*Ltd\\\\*", text, StringComparison.Ordinal); // typed markdown is escaped, shown as typed
        Assert.Contains("billing@fourthcoffee.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NoSupportChannel_NoRowAndTheCardSaysSupportWasNotAlerted()
    {
        var alex = new DialogTranscript(_host, Person.Alex);

        var id = await SubmitRemoveFromPayerAsync(alex);

        alex.Last.AssertParagraph($"SES support has not been alerted yet: no support channel is set up in SesBot. Please tell SES support about request {id}.", Tone.Attention)
            .AssertText(RemovalOptionCatalog.Get(RemovalOption.AwsRemoveFromPayer).NextSteps);
        Assert.Empty(await _host.DbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task Submit_SelfServiceDelete_PostedForInformation()
    {
        await RememberSupportChannelAsync();
        var alex = new DialogTranscript(_host, Person.Alex);
        await alex.As(Person.Isaiah).SendInChannel(ChannelId, "use this channel for support requests");

        await alex.Send("remove account");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-contoso"));
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-contoso-lab"));
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform)));
        await alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, "210987654321")).AssertText("is deleted from SES").AssertNoText("has not been alerted");

        var row = Assert.Single(await _host.DbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
        var text = row.PayloadJson;
        Assert.Contains("For information: the reseller did this themselves", text, StringComparison.Ordinal);
        Assert.Contains("Completed", text, StringComparison.Ordinal);
    }

    /// <summary>The support channel's address, as SesBot stores it after a message there (bot installed in the team).</summary>
    private Task RememberSupportChannelAsync() => _host.DbAsync(async db =>
    {
        var reference = new TeamsConversationReference
        {
            ServiceUrl = ServiceUrl,
            ConversationId = ChannelId,
            ConversationType = "channel",
            TenantId = DemoData.PlaygroundTenantId,
            BotId = "28:sesbot-app-id",
            BotName = "SesBot",
            TeamId = TeamId,
            ChannelId = ChannelId,
        };
        db.ConversationAddresses.Add(new ConversationAddress("msteams", ChannelId, ConversationScope.TeamChannel, JsonSerializer.Serialize(reference, ProtocolJson.Options), _host.Clock.GetUtcNow())
        {
            TeamKey = TeamId,
            TenantKey = DemoData.PlaygroundTenantId,
            DisplayName = "SES Support",
        });
        await db.SaveChangesAsync();
    });

    private static async Task<string> SubmitRemoveFromPayerAsync(DialogTranscript alex)
    {
        await alex.Send("remove account");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure"));
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-adventure-web"));
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        var turn = await alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }

    private static (string, string)[] TransferContactInputs() =>
    [
        (C(ContactField.CompanyName), "Fourth Coffee *Ltd*"),
        (C(ContactField.ContactName), "Ana Bowman"),
        (C(ContactField.ContactPhone), "+44 20 7946 0000"),
        (C(ContactField.StreetAddress), "1 Market Street"),
        (C(ContactField.City), "London"),
        (C(ContactField.StateOrRegion), "London"),
        (C(ContactField.PostalCode), "EC1A 1BB"),
        (C(ContactField.Country), "GB"),
        (C(ContactField.BillingContactName), "Ben Miller"),
        (C(ContactField.BillingContactPhone), "+44 20 7946 0001"),
        (C(ContactField.BillingContactEmail), "billing@fourthcoffee.example"),
        (C(ContactField.AssignmentEmail), "aws@fourthcoffee.example"),
    ];

    private static string C(ContactField field) => DataKeys.Contact(field);
}
