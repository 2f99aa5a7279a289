using Burnrate.Ledger.Import;
using Burnrate.Ledger.Reporting;

namespace Burnrate.Ledger.Tests;

/// <summary>Helpers: import files into a ledger and run reports.</summary>
internal static class LedgerTestContext
{
    public static ImportReport ImportFiles(LedgerDatabase ledger, string format, params string[] files) =>
        LedgerImporter.Import(ledger, new ImportRequest { Files = files, Format = format });

    public static MarginReport Report(LedgerDatabase ledger, params string[] by) =>
        MarginReportEngine.Run(ledger, new ReportRequest { By = by });

    public static MarginRow Row(MarginReport report, string value) => report.Rows.Single(r => r.Key.Values.First() == value);
}
