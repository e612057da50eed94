using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Domain;

/// <summary>Every option has its catalog entry and every field its limit; the limits are the columns' sizes.</summary>
public sealed class RemovalOptionCatalogTests
{
    public static TheoryData<RemovalOption> Options => [.. Enum.GetValues<RemovalOption>()];

    public static TheoryData<ContactField> ContactFields => [.. Enum.GetValues<ContactField>()];

    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql"];

    [Theory]
    [MemberData(nameof(Options))]
    public void Get_EveryOption_HasACompleteEntry(RemovalOption option)
    {
        Assert.True(RemovalOptionCatalog.Contains(option), $"{option} has no catalog entry.");
        var info = RemovalOptionCatalog.Get(option);

        Assert.Equal(option, info.Option);
        Assert.False(string.IsNullOrWhiteSpace(info.Label));
        Assert.False(string.IsNullOrWhiteSpace(info.RequestTitle));
        Assert.False(string.IsNullOrWhiteSpace(info.Description));
        Assert.False(string.IsNullOrWhiteSpace(info.NextSteps));
        Assert.DoesNotContain('\n', info.Description);
        Assert.NotEmpty(RemovalRequest.TransitionsOf(option));
        Assert.Contains(info, RemovalOptionCatalog.All);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void Get_EveryFormField_HasALimitAndAUniqueId(RemovalOption option)
    {
        var fields = RemovalOptionCatalog.Get(option).Fields;

        Assert.All(fields, f =>
        {
            Assert.InRange(f.MaxLength, 1, FieldLimits.Reason);
            Assert.False(string.IsNullOrWhiteSpace(f.Id));
            Assert.False(string.IsNullOrWhiteSpace(f.Label));
            Assert.Contains($"at most {f.MaxLength} characters", f.TooLongMessage, StringComparison.Ordinal);
        });
        Assert.Equal(fields.Count, fields.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ContactFields))]
    public void Contact_EveryContactField_HasALimitAndAFormField(ContactField field)
    {
        Assert.InRange(FieldLimits.Contact(field), 1, FieldLimits.Email);
        var input = Assert.Single(FormFields.TransferContact, f => f.Contact == field);
        Assert.Equal(FieldLimits.Contact(field), input.MaxLength);
        Assert.Equal(FormFields.ContactId(field), input.Id);
        Assert.Contains(input, RemovalOptionCatalog.Get(RemovalOption.AwsTransferOwnership).Fields);
    }

    [Fact]
    public void Get_UnknownOption_Throws() =>
        Assert.Throws<DomainException>(() => RemovalOptionCatalog.Get((RemovalOption)999));

    [Fact]
    public void All_HandlingMatchesTheWorkflow()
    {
        Assert.All(RemovalOptionCatalog.All, info =>
        {
            Assert.Equal(info.Handling == OptionHandling.SelfService, info.Workflow == RequestWorkflow.SelfService);
            Assert.Equal(info.Handling == OptionHandling.EndCustomerInstructions, info.Workflow == RequestWorkflow.EndCustomerInstructions);
        });
        Assert.Equal([RemovalOption.RemoveCustomer], RemovalOptionCatalog.All.Where(i => i.IsAboutCustomer).Select(i => i.Option));
        Assert.Equal([RemovalOption.DeleteFromPlatform], RemovalOptionCatalog.All.Where(i => i.ConfirmsByTypingAccountId).Select(i => i.Option));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void FieldLimits_AreTheColumnSizes(string provider)
    {
        using var db = Context(provider);
        var request = db.Model.FindEntityType(typeof(RemovalRequest))!;
        var contact = request.FindNavigation(nameof(RemovalRequest.Contact))!.TargetEntityType;

        Assert.Equal(FieldLimits.Reason, Length(request, nameof(RemovalRequest.Reason)));
        Assert.True(FieldLimits.Note <= FieldLimits.Reason, "The deleted-in-error note is stored as the reason.");
        Assert.Equal(FieldLimits.PartnerName, Length(request, nameof(RemovalRequest.TargetPartnerName)));
        Assert.Equal(FieldLimits.PartnerTenantId, Length(request, nameof(RemovalRequest.TargetPartnerTenantId)));
        Assert.Equal(FieldLimits.Email, Length(request, nameof(RemovalRequest.EndCustomerEmail)));
        Assert.Equal(FieldLimits.Language, Length(request, nameof(RemovalRequest.EndCustomerLanguage)));
        Assert.Equal(FieldLimits.SupportNote, Length(request, nameof(RemovalRequest.LastNote)));
        Assert.Equal(FieldLimits.IdempotencyKey, Length(request, nameof(RemovalRequest.IdempotencyKey)));
        foreach (var field in Enum.GetValues<ContactField>())
        {
            // The country is typed as a name and stored as its two-letter code; everything else is stored as long as it was typed, or shorter.
            var column = Length(contact, field.ToString());
            Assert.Equal(field == ContactField.Country ? FieldLimits.CountryCode : FieldLimits.Contact(field), column);
        }
    }

    private static int? Length(IReadOnlyEntityType type, string property) => type.FindProperty(property)!.GetMaxLength();

    private static SesBotDbContext Context(string provider) => provider == "Sqlite"
        ? new SqliteSesBotDbContext(new DbContextOptionsBuilder<SqliteSesBotDbContext>().UseSqlite("Data Source=:memory:").Options)
        : new PostgresSesBotDbContext(new DbContextOptionsBuilder<PostgresSesBotDbContext>().UseNpgsql("Host=127.0.0.1").Options);
}
