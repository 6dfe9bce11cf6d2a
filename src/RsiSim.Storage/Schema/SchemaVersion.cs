using Microsoft.Data.Sqlite;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Schema;

/// <summary>Creates the schema in a new database and refuses a database this version cannot read.</summary>
internal static class SchemaVersion
{
    public static void Create(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        SqlCommands.Execute(connection, transaction, RunSchema.Create);
        SqlCommands.Execute(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)",
            ("$v", RunSchema.Version), ("$at", SqlValues.Text(now)));
    }

    /// <summary>Throws a <see cref="RunStoreException"/> unless the database is a run store of a version this code understands.</summary>
    public static void Check(SqliteConnection connection, string file)
    {
        long tables = SqlCommands.Scalar<long>(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
        if (tables == 0)
        {
            throw new RunStoreException(RunStoreErrorKind.InvalidFolder, $"{file} is not a run store: it has no schema_version table.");
        }
        long version = SqlCommands.Scalar<long>(connection, null, "SELECT coalesce(max(version), 0) FROM schema_version");
        if (version > RunSchema.Version)
        {
            throw new RunStoreException(
                RunStoreErrorKind.NewerSchema,
                $"{file} has schema version {version}, written by a newer rsisim; this rsisim reads up to version {RunSchema.Version}. Use a newer rsisim.");
        }
        if (version < 1)
        {
            throw new RunStoreException(RunStoreErrorKind.InvalidFolder, $"{file} is not a run store: its schema version is {version}.");
        }
    }
}
