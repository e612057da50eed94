namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// The <c>Simulation</c> section, read only while a side of the cloud is simulated (local mode). <see cref="Failures"/>
/// maps a simulated account id (AWS account, Azure subscription or billing transfer) to the failure code its
/// <c>Failure</c> column gets at start (<see cref="SimulatedFailureCodes"/>); an empty value clears it. E.g.
/// <c>Simulation__Failures__345678901234=AccessDenied</c>. Entries that do not fit are logged and skipped, never fatal.
/// </summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>Account id → failure code; ids are matched without regard to case.</summary>
    public Dictionary<string, string?> Failures { get; } = new(StringComparer.OrdinalIgnoreCase);
}
