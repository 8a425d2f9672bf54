using System.CommandLine;
using Trent.Server.Cli;

var root = new RootCommand("Trent: a self-hosted key management service that speaks the AWS KMS API.")
{
    ServeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
