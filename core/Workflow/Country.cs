using System.Text.RegularExpressions;

namespace SesBot.Core.Workflow;

/// <summary>A country the contact form knows by name, with the shape of its postal codes.</summary>
internal sealed record Country(string Code, string Name, Regex? PostalCode, string PostalExample, bool UpperCasePostal = false, params string[] Aliases);
