using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>The removal dialog's state is written by its generated JSON contract exactly as reflection writes it, and read back.</summary>
public sealed class RemovalDialogStateJsonTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions ReflectionOnly = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private DialogHost _host = null!;

    public async Task InitializeAsync() => _host = await DialogHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Write_EveryFieldSet_SameJsonAsReflectionAndReadBack()
    {
        var state = new FlowState
        {
            FlowId = "f-1",
            Kind = FlowKind.RemoveAccount,
            Step = FlowStep.ReviewTransfer,
            SearchText = "Con",
            CustomerId = "c-1",
            AccountId = "a-1",
            Option = RemovalOption.AwsTransferOwnership,
            Contact = new TransferContactDraft { CompanyName = "Contoso", ContactName = "Ana <b>", City = "Lisbon" },
            Fields = new Dictionary<string, string> { ["reason"] = "Moving to \"another\" partner" },
        };
        using var scope = _host.Services.CreateScope();
        var dialog = scope.ServiceProvider.GetRequiredService<RemovalDialog>();

        var json = dialog.Write(state);

        Assert.Equal(JsonSerializer.Serialize(state, ReflectionOnly), json);
        var read = Assert.IsType<FlowState>(dialog.Read(json));
        Assert.Equal(json, dialog.Write(read));
    }
}
