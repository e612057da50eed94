using SesBot.Core.Localization;

namespace SesBot.Core.Gateways;

/// <summary>
/// The guidance the cloud gateways give support (AWS Organizations and Partner Center errors) and the ready texts for
/// the end customer, in the ambient UI language (resources: Resources/Gateways/GatewayTexts.resx).
/// </summary>
internal static class GatewayTexts
{
    public static Strings S { get; } = Strings.For(typeof(GatewayTexts));
}
