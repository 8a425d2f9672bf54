using System.CommandLine;
using Trent.Bench.Run;

var root = new RootCommand(
    "Trent's load benchmark: starts Trent, moto_server and a bare Kestrel ceiling on loopback, drives them with " +
    "SigV4-signed KMS requests over N persistent HTTP/1.1 connections, alternating, and reports throughput, latency, " +
    "errors and server CPU per request. Expects `dotnet build -c Release` to have run.");
BenchCommand.Configure(root);
return await root.Parse(args).InvokeAsync();
