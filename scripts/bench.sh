#!/usr/bin/env bash
# Prints how customer selection performs with many customers (default 10,000 per reseller). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project tests/SesBot.Benchmarks -c Release -- "${1:-10000}"
