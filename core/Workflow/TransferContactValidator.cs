using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;
using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>
/// Checks the transfer-of-ownership contact: every field required, emails well formed, phones real numbers (stored
/// E.164), postal codes in the shape of the country. One clear message per wrong field; the draft is never changed.
/// </summary>
public static partial class TransferContactValidator
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>How a field is called on the form and in messages (see <see cref="FormFields.ContactLabel"/>).</summary>
    /// <summary>A country's name in the turn's language from its ISO code ("DE" → "Germany" / "Deutschland"); null when SesBot has none.</summary>
    public static string? CountryName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return WorkflowTexts.CountryName(code);
    }

    public static string Label(ContactField field) => FormFields.ContactLabel(field);

    public static ContactValidationResult Validate(TransferContactDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<ContactField, string>();
        var clean = new Dictionary<ContactField, string>();

        foreach (var field in Enum.GetValues<ContactField>())
        {
            var value = Tidy(draft[field]);
            if (value.Length == 0)
            {
                errors[field] = WorkflowTexts.Get("Contact.Required"); // shown under the field: its name is right above
            }
            else if (value.Length > FieldLimits.Contact(field))
            {
                errors[field] = FieldLimits.TooLong(Label(field), FieldLimits.Contact(field));
            }
            else
            {
                clean[field] = value;
            }
        }

        Country? country = null;
        if (clean.TryGetValue(ContactField.Country, out var countryText))
        {
            country = Countries.Find(countryText);
            if (country is null)
            {
                errors[ContactField.Country] = WorkflowTexts.Format("Contact.UnknownCountry", countryText);
                clean.Remove(ContactField.Country);
            }
            else
            {
                clean[ContactField.Country] = country.Code;
            }
        }

        foreach (var field in new[] { ContactField.BillingContactEmail, ContactField.AssignmentEmail })
        {
            if (clean.TryGetValue(field, out var email) && !IsEmailAddress(email))
            {
                errors[field] = WorkflowTexts.Format("Contact.NotEmail", email);
                clean.Remove(field);
            }
        }

        foreach (var field in new[] { ContactField.ContactPhone, ContactField.BillingContactPhone })
        {
            if (clean.TryGetValue(field, out var phone))
            {
                var (e164, error) = NormalizePhone(phone, country);
                if (error is null)
                {
                    clean[field] = e164!;
                }
                else
                {
                    errors[field] = error;
                    clean.Remove(field);
                }
            }
        }

        if (country?.PostalCode is { } shape && clean.TryGetValue(ContactField.PostalCode, out var postal))
        {
            if (!shape.IsMatch(postal))
            {
                errors[ContactField.PostalCode] = WorkflowTexts.Format("Contact.PostalCode", postal, WorkflowTexts.Country(country), country.PostalExample);
            }
            else if (country.UpperCasePostal)
            {
                clean[ContactField.PostalCode] = postal.ToUpperInvariant();
            }
        }

        if (errors.Count > 0)
        {
            return new ContactValidationResult(draft, null, errors);
        }

        return new ContactValidationResult(
            draft,
            new TransferContact(
                clean[ContactField.CompanyName],
                clean[ContactField.ContactName],
                clean[ContactField.ContactPhone],
                clean[ContactField.StreetAddress],
                clean[ContactField.City],
                clean[ContactField.StateOrRegion],
                clean[ContactField.PostalCode],
                clean[ContactField.Country],
                clean[ContactField.BillingContactName],
                clean[ContactField.BillingContactPhone],
                clean[ContactField.BillingContactEmail],
                clean[ContactField.AssignmentEmail]),
            errors);
    }

    private static (string? E164, string? Error) NormalizePhone(string text, Country? country)
    {
        var region = country?.Code ?? "ZZ";
        PhoneNumber number;
        try
        {
            number = Phones.Parse(text, region);
        }
        catch (NumberParseException)
        {
            return (null, WorkflowTexts.Format(country is null ? "Contact.NotPhone.NoCountry" : "Contact.NotPhone", text));
        }

        if (!Phones.IsValidNumber(number))
        {
            return (null, country is null || text.TrimStart().StartsWith('+')
                ? WorkflowTexts.Format("Contact.InvalidPhone", text)
                : WorkflowTexts.Format("Contact.InvalidPhone.Country", text, WorkflowTexts.Country(country)));
        }

        return (Phones.Format(number, PhoneNumberFormat.E164), null);
    }

    private static bool IsEmailAddress(string value)
    {
        if (!EmailShape().IsMatch(value))
        {
            return false;
        }

        try
        {
            return new MailAddress(value).Address == value;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Tidy(string? value) => value is null ? string.Empty : Whitespace().Replace(value.Trim(), " ");

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
