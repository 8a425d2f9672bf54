using System.CommandLine;
using Trent.Server.Cli;

var root = new RootCommand("Trent: a self-hosted key management service that speaks the AWS KMS API.")
{
    ServeCommand.Create(),
    AccountCommand.Create(),
    AuditCommand.Create(),
    AuthzCommand.Create(),
    BackupCommand.Create(),
    RestoreCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
