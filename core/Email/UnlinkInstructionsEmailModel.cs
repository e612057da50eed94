namespace SesBot.Core.Email;

/// <summary>Everything the unlink-instructions email says about one request.</summary>
/// <param name="ResellerName">Shown as the sender's name and in the text.</param>
/// <param name="ResellerReplyTo">Where the end customer's replies go.</param>
/// <param name="EndCustomerEmail">The recipient.</param>
/// <param name="CustomerName">The customer as the reseller knows it.</param>
/// <param name="AwsAccountId">The 12-digit account that leaves the organization.</param>
/// <param name="Language">en, de, fr or es.</param>
/// <param name="RequestId">The SesBot request, quoted for reference (e.g. R-4F2K9Q).</param>
public sealed record UnlinkInstructionsEmailModel(
    string ResellerName,
    string ResellerReplyTo,
    string EndCustomerEmail,
    string CustomerName,
    string AwsAccountId,
    string Language,
    string RequestId);
