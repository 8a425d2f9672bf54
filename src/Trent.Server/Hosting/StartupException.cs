namespace Trent.Server.Hosting;

/// <summary>A configuration or data-directory problem that stops Trent from starting; the message is for the operator.</summary>
public sealed class StartupException(string message) : Exception(message);
