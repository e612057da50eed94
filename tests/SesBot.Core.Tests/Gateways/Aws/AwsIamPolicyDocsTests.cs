using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Tests.Gateways.Aws;

/// <summary>
/// The least-privilege IAM policy an operator copies from the README and docs/aws.md names exactly the Organizations
/// operations the client calls (<see cref="AwsOperations"/>): none missing (a call would be denied), none extra.
/// </summary>
public sealed partial class AwsIamPolicyDocsTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/aws.md")]
    public void PermissionPolicy_InTheDocs_AllowsExactlyTheOperationsTheClientCalls(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), document));
        var policy = JsonBlocks().Matches(text).Select(m => m.Groups["json"].Value)
            .Single(json => json.Contains("\"organizations:", StringComparison.Ordinal));

        var allowed = JsonNode.Parse(policy)!["Statement"]!.AsArray()
            .Where(statement => (string?)statement!["Effect"] == "Allow")
            .SelectMany(statement => statement!["Action"] is JsonArray many ? many.Select(a => (string)a!) : [(string)statement["Action"]!])
            .ToList();

        var called = typeof(AwsOperations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => "organizations:" + (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(called, allowed.Order(StringComparer.Ordinal));
        Assert.Equal(allowed.Count, allowed.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/aws.md")]
    public void RoleAssumption_InTheDocs_NamesStsAssumeRoleAndTheExternalId(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), document));

        Assert.Contains("sts:AssumeRole", text, StringComparison.Ordinal);
        Assert.Contains("sts:ExternalId", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("```json\\s*\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlocks();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SesBot.sln not found above the test output.");
    }
}
