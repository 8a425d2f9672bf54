using System.Net.Sockets;
using Npgsql;

namespace Trent.Storage.Postgres;

/// <summary>Which database failures mean "PostgreSQL cannot be reached now" rather than a bug or a constraint.</summary>
internal static class PostgresFailures
{
    /// <summary>
    /// The server is down, restarting, refusing connections, or did not answer in time: the request fails with a
    /// retryable DependencyTimeoutException, and the pool drops its connections so that the next request reconnects.
    /// </summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState is "57P01" or "57P02" or "57P03" // admin shutdown, crash shutdown, cannot connect now
            || pg.SqlState is "53300" or "53400", // too many connections, configuration limit exceeded
        // Npgsql wraps every network failure and timeout in an NpgsqlException; a bare IOException comes from elsewhere.
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        _ => false,
    };

    /// <summary>A timeout: retrying at once would only double the time the caller waits.</summary>
    public static bool IsTimeout(Exception e)
    {
        // Npgsql nests the TimeoutException at different depths depending on where the wait ran out.
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Serialization failures and deadlocks roll the transaction back, so running it again is safe.</summary>
    public static bool IsRetryableConflict(Exception e) => e is PostgresException { SqlState: "40001" or "40P01" };
}
