using SesBot.Benchmarks;
using SesBot.Benchmarks.Load;

// Performance numbers, asserting nothing. Modes:
//   (default) [customers per reseller]  customer selection at scale (scripts/bench.sh)
//   load [--option value …]             the write-path load benchmark against the JS peer and a bare floor (scripts/bench-load.sh)
//   bare --urls http://127.0.0.1:PORT   the floor server the load benchmark starts (one small reply per activity)
return args.FirstOrDefault() switch
{
    "load" => await LoadBenchmark.RunAsync(args[1..]),
    "bare" => await BareServer.RunAsync(args[1..]),
    _ => await CustomerSelectionBenchmark.RunAsync(args),
};
