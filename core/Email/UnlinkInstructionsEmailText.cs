namespace SesBot.Core.Email;

/// <summary>
/// One language's wording of the unlink-instructions email. Placeholders: {0} customer, {1} AWS account id,
/// {2} reseller, {3} request id, {4} reseller reply-to address, {5} the AWS console address.
/// </summary>
internal sealed record UnlinkInstructionsEmailText(
    string Subject,
    string Greeting,
    string Intro,
    string PrerequisitesHeading,
    string PrerequisitesIntro,
    IReadOnlyList<string> Prerequisites,
    string PrerequisitesNote,
    string StepsHeading,
    IReadOnlyList<string> Steps,
    string AfterwardsHeading,
    string Afterwards,
    string PleaseConfirm,
    string Reference,
    string Questions,
    string Closing,
    string Footer);
