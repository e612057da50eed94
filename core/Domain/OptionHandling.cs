namespace SesBot.Core.Domain;

/// <summary>Who carries a removal option out once the reseller has submitted it.</summary>
public enum OptionHandling
{
    /// <summary>SES does it at once, when the reseller confirms (the policy is asked again first).</summary>
    SelfService,

    /// <summary>A ticket for SES support, who moves it on.</summary>
    SupportTicket,

    /// <summary>The end customer does it themselves, following instructions SesBot hands over.</summary>
    EndCustomerInstructions,

    /// <summary>SES support carries it out at the cloud provider (from the support channel), then records the outcome.</summary>
    SupportExecutes,
}
