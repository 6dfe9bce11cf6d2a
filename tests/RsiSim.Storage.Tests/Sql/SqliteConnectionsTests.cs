using RsiSim.Storage.Sql;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Sql;

public sealed class SqliteConnectionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_writing_connection_uses_wal_full_sync_foreign_keys_and_a_short_busy_timeout()
    {
        using var connection = SqliteConnections.OpenForWriting(_temp.Combine("run.db"));

        Assert.Equal("wal", SqlCommands.Scalar<string>(connection, null, "PRAGMA journal_mode"));
        Assert.Equal(2L, SqlCommands.Scalar<long>(connection, null, "PRAGMA synchronous"));
        Assert.Equal(1L, SqlCommands.Scalar<long>(connection, null, "PRAGMA foreign_keys"));
        Assert.InRange(connection.DefaultTimeout, 1, 5);
    }
}
