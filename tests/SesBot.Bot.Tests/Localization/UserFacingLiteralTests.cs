using System.Text.RegularExpressions;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Localization;

/// <summary>
/// No user-facing text is left in code (a scan of the source, no Roslyn): in the folders whose code talks to people,
/// a string literal that reads as prose (two words or more), or any literal handed straight to a reply block, a reply,
/// a card property (Summary, Placeholder, Error, a button's or fact's title) or a workflow message, must come from the
/// resources instead. The allow-list names each exception and why it is not a text for the person of the turn.
/// </summary>
public sealed partial class UserFacingLiteralTests
{
    private static readonly string[] Scanned =
    [
        "bot/Cards", "bot/Dialogs", "bot/Support", "bot/Audit", "bot/Pipeline/TurnErrors.cs", "bot/Channels/Teams/TeamsReplyRenderer.cs", "core/Policy", "core/Workflow", "core/Domain/RemovalOptionCatalog.cs",
        "core/Domain/FormFields.cs", "core/Domain/FormField.cs", "core/Domain/RemovalOptionInfo.cs", "core/Support/SupportChannels.cs",
        "core/Execution", "core/Gateways",
    ];

    /// <summary>(file, the literal's start) → why it stays in code.</summary>
    private static readonly (string File, string Starts, string Reason)[] Allowed =
    [
        ("core/Gateways/Simulated/SimulatedCloudSeed.cs", "SELECT CASE WHEN", "SQL sent to the database at start, never shown"),
        ("core/Gateways/Simulated/SimulatedCloudSeed.cs", " THEN 1 ELSE 0 END", "SQL sent to the database at start, never shown"),
        ("core/Gateways/Simulated/SimulatedCloudSeed.cs", "AND a.{key} IS NOT NULL", "SQL sent to the database at start, never shown"),
        ("bot/Cards/UnlinkInstructions.cs", "", "the end customer's instructions in the language the reseller picks for the email (en, de, fr, es), not the reader's language"),
        ("bot/Dialogs/SesBotTurnHandler.cs", "Cancelled by the requester.", "the audit note stored with the cancellation (data); HistoryCards never shows it"),
        ("bot/Cards/HistoryCards.cs", "Cancelled by the requester", "recognises that stored audit note, to leave it out"),
        ("core/Workflow/RemovalRequestService.cs", "Deleted from SES by request", "an audit note stored with the account (data in the log)"),
        ("core/Workflow/RemovalRequestService.cs", "Deleted with its customer by request", "an audit note stored with the account (data in the log)"),
        ("core/Workflow/RemovalRequestService.cs", "Removed by request", "an audit note stored with the customer (data in the log)"),
        ("core/Workflow/RemovalRequestService.cs", "Suspended by request", "an audit note stored with the account (data in the log)"),
        ("core/Workflow/RemovalRequestService.cs", "Restored by request", "an audit note stored with the account (data in the log)"),
        ("core/Workflow/RemovalRequestService.cs", "Left the distributor by request", "an audit note stored with the account (data in the log)"),
        ("core/Workflow/RemovalRequestService.cs", "Billing transfer {transfer.Id} ended by request", "an audit note stored with the account (data in the log)"),
        ("core/Workflow/InstructionsEmailRetry.cs", "Asked to send the instructions to", "an audit note stored with the request (data in the log, the failure as the mail server gave it)"),
        ("core/Workflow/InstructionsEmailRetry.cs", "no reason given", "part of that audit note"),
        ("bot/Support/CloudExecutionHandler.cs", "", "outbox outcomes (the dispatcher stores them with the row for operators and logs), never shown in a chat"),
        ("bot/Support/CloudPreflightHandler.cs", "", "outbox outcomes (the dispatcher stores them with the row for operators and logs), never shown in a chat"),
        ("bot/Support/AzureTenantHandler.cs", "", "outbox outcomes (the dispatcher stores them with the row for operators and logs), never shown in a chat"),
        ("core/Execution/CloudPreflight.Tenant.cs", "subscription {account.ExternalId} found under it", "the audit note stored with the customer's tenant id change (data in the log)"),
        ("core/Execution/CloudPreflight.Tenant.cs", " (simulated)", "part of that audit note"),
        ("bot/Audit/AuditExportEndpoint.cs", "", "the download endpoint's HTTP problem texts, answered to a browser outside any turn (no locale to speak)"),
        ("core/Workflow/Countries.cs", "", "country names, aliases and postal-code examples people type or are matched against (input data, every language)"),
        ("core/Execution/CloudExecutor.cs", "Before removal by execution", "the audit event that records the account's AWS tags before removal (data in the log)"),
        ("core/Gateways/Simulated/SimulatedScenarios.cs", "Azure plan", "the simulated subscription's offer name (provider data, never translated)"),
        ("core/Gateways/Simulated/SimulatedScenarios.cs", "Simulated ", "the simulator's stand-in for AWS's own English error message (the localized guidance comes from GatewayTexts)"),
        ("core/Gateways/Simulated/SimulatedBillingTransferGateway.cs", "Simulated: ", "the simulator's stand-in for AWS's own English error message (the localized guidance comes from GatewayTexts)"),
        ("core/Gateways/Simulated/SimulatedAwsOrganizationGateway.cs", "Simulated: account", "the simulator's stand-in for AWS's own English error message (the localized guidance comes from GatewayTexts)"),
        ("core/Gateways/Aws/AwsCredentialSource.cs", "", "why credentials could not be found or assumed, for the operator (config keys, the STS error); support sees the localized CredentialsUnavailable guidance"),
        ("core/Gateways/Aws/AwsCredentials.cs", "", "ToString for logs and the debugger (never the secret)"),
        ("core/Gateways/Aws/AwsJsonProtocol.cs", "", "stand-in for AWS's own error message when the answer has none (technical detail next to the localized guidance)"),
        ("core/Gateways/Aws/AwsOrganizationsClient.cs", "", "the error's technical message (operation, HTTP status, AWS's words) logged and kept next to the localized guidance"),
        ("core/Gateways/Aws/AwsOrganizationsException.cs", "", "the exception's technical message for operators and logs; people see AwsErrorGuidance"),
        ("core/Gateways/Aws/SigV4Signer.cs", "", "the SigV4 Authorization header (wire format)"),
        ("core/Gateways/Aws/SigV4SigningHandler.cs", "", "HTTP header names and ToString for logs (wire format)"),
        ("core/Gateways/Azure/PartnerCenterAuthorizationHandler.cs", "", "token and transport failures for the operator (configuration keys, Entra ID's own message), logged"),
        ("core/Gateways/Azure/PartnerCenterClient.Errors.cs", " (HTTP ", "the technical reference (HTTP status, Partner Center's error code, MS-CorrelationId) appended to the localized guidance"),
        ("core/Gateways/Azure/PartnerCenterClient.cs", "application/json", "a media type (wire format)"),
        ("core/Gateways/Azure/PartnerCenterOptions.cs", "", "configuration validation at startup, for the operator"),
        ("core/Gateways/Azure/PartnerCenterResilience.cs", "", "telemetry and resilience-context keys (machine names)"),
    ];

    [Fact]
    public void Source_UserFacingLiterals_AreAllInResources()
    {
        var found = new List<string>();
        foreach (var file in Files())
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var code = line.TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('[') || IsNotForPeople().IsMatch(line))
                {
                    continue;
                }

                foreach (Match literal in Literal().Matches(line))
                {
                    var text = literal.Groups["text"].Value;
                    var prose = IsProse(text);
                    var before = line[..literal.Index];
                    var handedToAReply = ReplyPosition().IsMatch(before)
                        || (ReplyConstructor().IsMatch(line) && !Accessor().IsMatch(line) && Ternary().IsMatch(before));
                    if ((prose || handedToAReply) && !IsAllowed(relative, text))
                    {
                        found.Add($"{relative}:{i + 1}: \"{text}\"");
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "User-facing text left in code (move it to the type's .resx, in en, de and fr):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Scan_LiteralInAReplyOrProse_IsFound()
    {
        Assert.Matches(ReplyPosition(), "        blocks.Add(new ParagraphBlock(");
        Assert.Matches(ReplyPosition(), "return Reply.Text(");
        Assert.Matches(ReplyPosition(), "            Summary = ");
        Assert.Matches(ReplyPosition(), "actions.Add(Action(state, ");
        Assert.DoesNotMatch(ReplyPosition(), "new ParagraphBlock(S[");
        Assert.True(IsProse("Request {id} is cancelled."));
        Assert.False(IsProse("Request.Asked.Unknown"));
        Assert.False(IsProse("{Channel}:{TenantKey} {UserKey}"));
        Assert.Single(Literal().Matches("Reply.Text($\"Not cancelled: {result.Message}\")"));
    }

    /// <summary>Two words or more with a space between them, outside interpolation holes: a sentence or a label, not a key or an id.</summary>
    private static bool IsProse(string text)
    {
        var outside = Interpolation().Replace(text, string.Empty);
        return outside.Contains(' ', StringComparison.Ordinal) && Words().Count(outside) >= 2;
    }

    private static bool IsAllowed(string file, string text) =>
        Allowed.Any(a => a.File == file && text.StartsWith(a.Starts, StringComparison.Ordinal));

    private static IEnumerable<string> Files() => Scanned
        .Select(p => RepoPaths.InRoot(p.Split('/')))
        .SelectMany(p => File.Exists(p) ? [p] : Directory.EnumerateFiles(p, "*.cs", SearchOption.AllDirectories))
        .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal);

    /// <summary>A C# string literal on one line (regular, verbatim or interpolated).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:\$@|@\$|\$|@)?""(?<text>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex Literal();

    /// <summary>The code right before a literal that hands it to a person: a reply block, a reply, a card property, a workflow message.</summary>
    [GeneratedRegex(@"(new (ParagraphBlock|HeadingBlock|ReplyFact|ReplyAction|ReplyChoice|TextInputBlock|ChoiceInputBlock)\(|Reply\.(Text|Card)\(|Action\(state, |(Summary|Placeholder|Error|Title|Label|DenialReason|Message)\s*[:=]\s*|\bnew\()(?:[A-Za-z.]+\s*,\s*)?$")]
    private static partial Regex ReplyPosition();

    /// <summary>A line that builds something a person reads.</summary>
    [GeneratedRegex(@"new (ParagraphBlock|HeadingBlock|ReplyFact|ReplyAction|ReplyChoice|TextInputBlock|ChoiceInputBlock)\(|Reply\.(Text|Card)\(")]
    private static partial Regex ReplyConstructor();

    /// <summary>A line that reads its texts from the resources (its literals are keys).</summary>
    [GeneratedRegex(@"\b(S|Messages)(\[|\.(Format|Plural|Find)\()|WorkflowTexts\.")]
    private static partial Regex Accessor();

    /// <summary>A literal chosen by a condition (<c>a ? "x" : "y"</c>).</summary>
    [GeneratedRegex(@"(\?|:)\s*$")]
    private static partial Regex Ternary();

    /// <summary>Lines whose literals are for developers or machines: exceptions, logging, regexes, ids.</summary>
    [GeneratedRegex(@"throw |Exception\(|Log\.|LoggerMessage|GeneratedRegex|nameof\(|const string|ThreadKey|Guid\.|ToString\(""")]
    private static partial Regex IsNotForPeople();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}
