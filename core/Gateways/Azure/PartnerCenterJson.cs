using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Azure;

/// <summary>
/// How Partner Center JSON is read and written: names come from the attributes and match exactly (case-sensitive), so
/// every field that is not typed lands in the extension data; absent fields stay absent.
/// </summary>
internal static class PartnerCenterJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
