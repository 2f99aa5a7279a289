using ClosedXML.Excel;

namespace Burnrate.Reports.Planning;

/// <summary>The plan workbook's number formats and cell styles, chosen once per workbook (Excel format codes, ECMA-376 §18.8.31).</summary>
internal sealed class WorkbookFormats
{
    /// <summary>A month shown as "Jan 2026"; the cell holds the first day of the month as a real date.</summary>
    public const string Month = "mmm yyyy";

    /// <summary>A share shown as "12.3%".</summary>
    public const string Percent = "0.0%";

    /// <summary>A count with thousands separators.</summary>
    public const string Count = "#,##0";

    /// <summary>Months of runway, one decimal.</summary>
    public const string Months = "0.0";

    /// <summary>A plain ratio (burn multiple, a driver's value).</summary>
    public const string Ratio = "0.00";

    /// <summary>Light red behind months after the cash has run out.</summary>
    public static readonly XLColor CashOutFill = XLColor.FromArgb(0xF8, 0xD7, 0xDA);

    /// <summary>Light grey behind header rows.</summary>
    public static readonly XLColor HeaderFill = XLColor.FromArgb(0xE7, 0xE9, 0xEE);

    private WorkbookFormats(string money, string moneyUnit)
    {
        Money = money;
        MoneyUnit = moneyUnit;
    }

    /// <summary>Gets the money format: whole dollars, or millions when the plan's amounts reach ten million (the cell keeps the exact value).</summary>
    public string Money { get; }

    /// <summary>Gets how money is shown, for the sheets' notes ("USD" or "USD millions").</summary>
    public string MoneyUnit { get; }

    /// <summary>Chooses the money format from the largest amount the workbook shows.</summary>
    /// <param name="largestUsd">The largest absolute amount, in USD.</param>
    /// <returns>The formats.</returns>
    public static WorkbookFormats For(double largestUsd) => largestUsd >= 1e7
        ? new WorkbookFormats("\"$\"#,##0.0,,\"M\";[Red]-\"$\"#,##0.0,,\"M\";\"$\"0.0\"M\"", "USD, shown in millions (the cells hold whole dollars)")
        : new WorkbookFormats("\"$\"#,##0;[Red]-\"$\"#,##0;\"$\"0", "USD");

    /// <summary>Writes a bold header cell on a grey fill.</summary>
    public static IXLCell Header(IXLCell cell, string text)
    {
        cell.Value = text;
        cell.Style.Font.Bold = true;
        cell.Style.Fill.BackgroundColor = HeaderFill;
        return cell;
    }

    /// <summary>Writes a month as the first day of that month, formatted "mmm yyyy".</summary>
    public static IXLCell Date(IXLCell cell, DateOnly month)
    {
        cell.Value = month.ToDateTime(TimeOnly.MinValue);
        cell.Style.DateFormat.Format = Month;
        return cell;
    }

    /// <summary>Writes a number with a format, or leaves the cell empty when the number is undefined (NaN).</summary>
    public static IXLCell Number(IXLCell cell, double value, string format)
    {
        if (double.IsFinite(value))
        {
            cell.Value = value;
            cell.Style.NumberFormat.Format = format;
        }

        return cell;
    }
}
