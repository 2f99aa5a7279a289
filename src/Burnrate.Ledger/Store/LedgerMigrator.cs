using System.Globalization;

namespace Burnrate.Ledger.Store;

/// <summary>Brings a store's schema to <see cref="LedgerSchema.CurrentVersion"/>; refuses a store written by a newer Burnrate.</summary>
internal static class LedgerMigrator
{
    /// <summary>Migrates the store.</summary>
    public static void Migrate(ILedgerStore store)
    {
        int version = CurrentVersion(store);
        if (version > LedgerSchema.CurrentVersion)
        {
            throw LedgerErrors.Field("schema version", version.ToString(CultureInfo.InvariantCulture),
                $"at most {LedgerSchema.CurrentVersion.ToString(CultureInfo.InvariantCulture)} (the ledger was written by a newer Burnrate: upgrade Burnrate)", new Core.Validation.SourceLocation(store.Location));
        }

        if (version == LedgerSchema.CurrentVersion)
        {
            return;
        }

        store.ExecuteAtomically(LedgerSchema.Migrations(store.Dialect, version));
    }

    private static int CurrentVersion(ILedgerStore store)
    {
        long exists = store.Query(store.Dialect.TableExists(LedgerSchema.VersionTable), r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture))[0];
        return exists == 0 ? 0
            : store.Query($"SELECT max(version) FROM {LedgerSchema.VersionTable}", r => r.IsDBNull(0) ? 0 : Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture))[0];
    }
}
