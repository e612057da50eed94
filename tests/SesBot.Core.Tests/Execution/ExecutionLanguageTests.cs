using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Tests.Localization;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Execution;

/// <summary>The execution's refusals and the gateways' guidance speak the language of the turn that asks for them.</summary>
public sealed class ExecutionLanguageTests
{
    [Theory]
    [InlineData("en", "Only SES support can carry out a request at the cloud provider.")]
    [InlineData("de", "Nur der SES-Support kann eine Anfrage beim Cloud-Anbieter ausführen.")]
    [InlineData("fr", "Seul le support SES peut exécuter une demande chez le fournisseur cloud.")]
    public async Task Claim_ByAReseller_RefusedInTheTurnsLanguage(string language, string expected)
    {
        await using var harness = await ExecutionHarness.StartAsync();
        var requestId = await harness.SubmitAsync(RemovalOption.AzureSuspend, ExecutionHarness.AzureAccount, reason: "Unpaid invoices");

        ClaimResult claim;
        using (new InCulture(language))
        {
            claim = await harness.ClickAsync(requestId, TestData.Colleague);
        }

        Assert.Equal((ClaimOutcome.Refused, expected), (claim.Outcome, claim.Message));
        Assert.Null(claim.Execution);
    }

    [Fact]
    public async Task Claim_NoSuchRequestInGerman_NamesTheRequest()
    {
        await using var harness = await ExecutionHarness.StartAsync();

        using var german = new InCulture("de-DE");
        var claim = await harness.ClickAsync("R-404", TestData.SupportAgent);

        Assert.Equal((ClaimOutcome.NotFound, "Es gibt keine Anfrage R-404."), (claim.Outcome, claim.Message));
    }

    [Fact]
    public void AwsGuidance_PaymentMethodMissingInFrench_SupportAndCustomerTextsInFrench()
    {
        using var french = new InCulture("fr-FR");

        var guidance = AwsErrorTexts.ForConstraintReason("MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED");
        var unknown = AwsErrorTexts.ForConstraintReason("SOMETHING_NEW", "Raw AWS text");

        Assert.StartsWith("AWS refuse : le compte n'a pas de moyen de paiement valide", guidance.SupportText, StringComparison.Ordinal);
        Assert.StartsWith("Avant que votre compte AWS puisse être séparé de notre facturation, veuillez", guidance.CustomerText, StringComparison.Ordinal);
        Assert.Equal("AWS a refusé pour la violation de contrainte SOMETHING_NEW : Raw AWS text", unknown.SupportText);
        Assert.Equal(AwsErrorTexts.GenericCustomerText, unknown.CustomerText);
        Assert.StartsWith("Nous n'avons pas encore pu", unknown.CustomerText, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsGuidance_InEnglish_KeepsItsWording()
    {
        using var english = new InCulture("en-US");

        var guidance = AwsErrorTexts.For(new AwsOrganizationsError(AwsErrorKind.TooManyRequests, "TooManyRequestsException", "Rate exceeded", null));

        Assert.Equal("AWS throttled the request even after retries. Retry in a few minutes.", guidance.SupportText);
        Assert.Equal("We could not complete the change to your AWS account yet. Our support team has been notified and will contact you.", guidance.CustomerText);
    }
}
