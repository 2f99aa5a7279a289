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
            throw new LedgerInputException(
                $"{store.Location}: ledger schema version {version} is newer than this Burnrate understands ({LedgerSchema.CurrentVersion}); upgrade Burnrate");
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
