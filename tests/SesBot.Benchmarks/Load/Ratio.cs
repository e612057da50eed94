namespace SesBot.Benchmarks.Load;

/// <summary>SesBot's figures divided by another server's, from the same run.</summary>
internal sealed record Ratio(string Name, double Throughput, double P50, double P95, double P99, double PeakRss, double ColdStart, double CpuPerTurn);
