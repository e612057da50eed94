using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Workflow;

public sealed class TransferContactValidatorTests
{
    [Theory]
    [InlineData("United States", "(201) 555-0123", "98101", "US", "+12015550123", "98101")]
    [InlineData("USA", "201-555-0123", "98101-1234", "US", "+12015550123", "98101-1234")]
    [InlineData("us", "+1 201 555 0123", "98101", "US", "+12015550123", "98101")]
    [InlineData("United Kingdom", "0121 234 5678", "sw1a 1aa", "GB", "+441212345678", "SW1A 1AA")]
    [InlineData("UK", "+44 121 234 5678", "SW1A1AA", "GB", "+441212345678", "SW1A1AA")]
    [InlineData("Germany", "030 123456", "10115", "DE", "+4930123456", "10115")]
    [InlineData("Deutschland", "+49 30 123456", "10115", "DE", "+4930123456", "10115")]
    [InlineData("Canada", "(506) 234-5678", "k1a 0b1", "CA", "+15062345678", "K1A 0B1")]
    [InlineData("France", "01 23 45 67 89", "75008", "FR", "+33123456789", "75008")]
    [InlineData("Australia", "02 1234 5678", "2000", "AU", "+61212345678", "2000")]
    [InlineData("Netherlands", "020 123 4567", "1012 ab", "NL", "+31201234567", "1012 AB")]
    [InlineData("Germany.", "030 123456", "10115", "DE", "+4930123456", "10115")]
    public void Validate_ValidContactForCountry_ReturnsNormalizedContact(
        string country, string phone, string postal, string expectedCode, string expectedE164, string expectedPostal)
    {
        var result = TransferContactValidator.Validate(Contacts.Valid(country, phone, postal));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Values));
        Assert.Empty(result.Errors);
        var contact = Assert.IsType<TransferContact>(result.Contact);
        Assert.Equal(expectedCode, contact.Country);
        Assert.Equal(expectedE164, contact.ContactPhone);
        Assert.Equal(expectedE164, contact.BillingContactPhone);
        Assert.Equal(expectedPostal, contact.PostalCode);
    }

    [Fact]
    public void Validate_ValidUsContact_KeepsEveryTextFieldTrimmed()
    {
        var draft = Contacts.ValidUs() with { CompanyName = "  Contoso   Ltd ", City = " Seattle ", AssignmentEmail = " aws-owner@contoso.com " };

        var contact = TransferContactValidator.Validate(draft).Contact!;

        Assert.Equal(
            new TransferContact(
                "Contoso Ltd", "Jane Doe", "+12015550123", "1 Microsoft Way", "Seattle", "WA", "98101", "US",
                "John Roe", "+12015550124", "billing@contoso.com", "aws-owner@contoso.com"),
            contact);
    }

    [Theory]
    [MemberData(nameof(AllFields))]
    public void Validate_FieldMissing_ReportsRequiredForThatFieldOnly(ContactField field)
    {
        var draft = Contacts.ValidInternational().With(field, null);

        var result = TransferContactValidator.Validate(draft);

        Assert.False(result.IsValid);
        Assert.Null(result.Contact);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Key);
        Assert.Equal("Required.", error.Value);
    }

    [Theory]
    [MemberData(nameof(AllFields))]
    public void Validate_FieldOnlyWhitespace_ReportsRequired(ContactField field)
    {
        var result = TransferContactValidator.Validate(Contacts.ValidInternational().With(field, "   \t "));

        Assert.Equal("Required.", Assert.Single(result.Errors).Value);
    }

    [Theory]
    [MemberData(nameof(AllFields))]
    public void Validate_FieldTooLong_ReportsTooLong(ContactField field)
    {
        var isEmail = field is ContactField.BillingContactEmail or ContactField.AssignmentEmail;
        var limit = FieldLimits.Contact(field);
        var tooLong = isEmail ? new string('a', limit) + "@contoso.com" : new string('a', limit + 1);

        var result = TransferContactValidator.Validate(Contacts.ValidInternational().With(field, tooLong));

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Key);
        Assert.Contains("too long", error.Value, StringComparison.Ordinal);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TextFieldAtMaximumLength_IsAccepted()
    {
        var name = new string('a', FieldLimits.ContactText);

        var result = TransferContactValidator.Validate(Contacts.ValidUs() with { CompanyName = name });

        Assert.Equal(name, result.Contact?.CompanyName);
    }

    [Theory]
    [InlineData(ContactField.BillingContactEmail, "billing.contoso.com")]
    [InlineData(ContactField.BillingContactEmail, "billing@contoso")]
    [InlineData(ContactField.BillingContactEmail, "bill ing@contoso.com")]
    [InlineData(ContactField.AssignmentEmail, "owner@@contoso.com")]
    [InlineData(ContactField.AssignmentEmail, "@contoso.com")]
    [InlineData(ContactField.AssignmentEmail, "owner@contoso.c")]
    public void Validate_BadEmail_ReportsNotAnEmailAddress(ContactField field, string email)
    {
        var result = TransferContactValidator.Validate(Contacts.ValidUs().With(field, email));

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Key);
        Assert.Contains("is not an email address", error.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContactField.ContactPhone, "not a phone")]
    [InlineData(ContactField.ContactPhone, "12")]
    [InlineData(ContactField.BillingContactPhone, "555-0000")]
    [InlineData(ContactField.BillingContactPhone, "+1 000 000 0000")]
    public void Validate_BadPhone_ReportsPhoneError(ContactField field, string phone)
    {
        var result = TransferContactValidator.Validate(Contacts.ValidUs().With(field, phone));

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Key);
        // Shown under the field: the message starts with what was typed, not with the field's name again.
        Assert.StartsWith($"\"{phone}\" is not", error.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(TransferContactValidator.Label(field), error.Value, StringComparison.Ordinal);
        Assert.Contains("phone number", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NationalNumberOfAnotherCountry_SuggestsCountryCode()
    {
        // A valid UK number typed without +44 while the country is the United States.
        var result = TransferContactValidator.Validate(Contacts.ValidUs() with { ContactPhone = "0121 234 5678" });

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContactField.ContactPhone, error.Key);
        Assert.Contains("United States", error.Value, StringComparison.Ordinal);
        Assert.Contains("start with +", error.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+44 121 234 5678", "+441212345678")]
    [InlineData("+49 30 123456", "+4930123456")]
    [InlineData("+33 1 23 45 67 89", "+33123456789")]
    public void Validate_PhoneOfAnotherCountryWithPlusCode_IsAcceptedInE164(string phone, string e164)
    {
        var result = TransferContactValidator.Validate(Contacts.ValidUs() with { ContactPhone = phone });

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Values));
        Assert.Equal(e164, result.Contact!.ContactPhone);
        Assert.Equal("US", result.Contact.Country);
    }

    [Theory]
    [InlineData("United States", "9810")]
    [InlineData("United States", "SW1A 1AA")]
    [InlineData("United Kingdom", "98101")]
    [InlineData("Germany", "1011")]
    [InlineData("Canada", "98101")]
    [InlineData("Netherlands", "1012")]
    public void Validate_PostalCodeWrongForCountry_ReportsShapeWithExample(string country, string postal)
    {
        var draft = Contacts.ValidUs() with { Country = country, PostalCode = postal, ContactPhone = "+12015550123", BillingContactPhone = "+12015550123" };

        var result = TransferContactValidator.Validate(draft);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContactField.PostalCode, error.Key);
        Assert.Contains($"\"{postal}\" is not a", error.Value, StringComparison.Ordinal);
        Assert.Contains("It looks like", error.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("Untied States")]
    public void Validate_UnknownCountry_ReportsCountryOnly(string country)
    {
        // International phones, so nothing depends on the country.
        var draft = Contacts.ValidUs() with { Country = country, ContactPhone = "+12015550123", BillingContactPhone = "+12015550124" };

        var result = TransferContactValidator.Validate(draft);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContactField.Country, error.Key);
        Assert.Contains($"\"{country}\" is not a country we recognise", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownCountryWithNationalPhone_AsksForCountryCode()
    {
        var draft = Contacts.ValidUs() with { Country = "Atlantis", ContactPhone = "201 555 0123" };

        var result = TransferContactValidator.Validate(draft);

        Assert.True(result.Errors.ContainsKey(ContactField.Country));
        Assert.Contains("Include the country code", result.Errors[ContactField.ContactPhone], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoLetterCodeOutsideTheKnownList_IsAcceptedWithoutPostalCheck()
    {
        // Kenya is not in the postal-code list, but the phone library knows the region.
        var draft = Contacts.ValidUs() with { Country = "ke", PostalCode = "anything", ContactPhone = "+254 712 123456", BillingContactPhone = "+254 712 123456" };

        var result = TransferContactValidator.Validate(draft);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Values));
        Assert.Equal("KE", result.Contact!.Country);
        Assert.Equal("anything", result.Contact.PostalCode);
    }

    [Fact]
    public void Validate_SeveralWrongFields_OneMessageEachAndDraftUnchanged()
    {
        var draft = Contacts.ValidUs() with
        {
            CompanyName = null,
            ContactPhone = "not a phone",
            PostalCode = "ABC",
            BillingContactEmail = "billing.contoso.com",
            AssignmentEmail = new string('x', 300),
        };
        var before = draft with { };

        var result = TransferContactValidator.Validate(draft);

        Assert.False(result.IsValid);
        Assert.Equal(
            [ContactField.CompanyName, ContactField.ContactPhone, ContactField.PostalCode, ContactField.BillingContactEmail, ContactField.AssignmentEmail],
            result.Errors.Keys.Order());
        Assert.All(result.Errors.Values, message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Same(draft, result.Draft);
        Assert.Equal(before, result.Draft);
        Assert.Equal("Jane Doe", result.Draft.ContactName);
        Assert.Equal("Seattle", result.Draft.City);
        Assert.Equal("+1 201 555 0124", result.Draft.BillingContactPhone);
    }

    [Fact]
    public void Validate_CountryMissingWithNationalPhones_AsksForCountryCodeOnThePhones()
    {
        var result = TransferContactValidator.Validate(Contacts.ValidUs() with { Country = null });

        Assert.Equal([ContactField.ContactPhone, ContactField.Country], result.Errors.Keys.Order());
        Assert.Contains("Include the country code", result.Errors[ContactField.ContactPhone], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyDraft_EveryFieldRequired()
    {
        var result = TransferContactValidator.Validate(new TransferContactDraft());

        Assert.Equal(Enum.GetValues<ContactField>(), result.Errors.Keys.Order());
    }

    [Fact]
    public void Validate_NullDraft_Throws() =>
        Assert.Throws<ArgumentNullException>(() => TransferContactValidator.Validate(null!));

    [Fact]
    public void Label_EveryField_IsDistinctReadableText()
    {
        var labels = Enum.GetValues<ContactField>().Select(TransferContactValidator.Label).ToList();

        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.All(labels, label => Assert.True(char.IsUpper(label[0])));
        Assert.Contains("Email for the account assignment", labels);
    }

    public static TheoryData<ContactField> AllFields() => [.. Enum.GetValues<ContactField>()];
}
