using System.Globalization;
using System.Text;

namespace Burnrate.Ledger.Tests.Fixtures;

/// <summary>FOCUS 1.2 cost and usage files: a small hand-computed bill and a seeded generator.</summary>
internal static class FocusFixture
{
    public const string Header =
        "BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,"
        + "ServiceProviderName,ServiceName,ServiceCategory,SubAccountId,ResourceId,SkuId,ListUnitPrice,ContractedUnitPrice,PricingQuantity,PricingUnit,"
        + "ConsumedQuantity,ConsumedUnit,CommitmentDiscountId,CommitmentDiscountStatus,Tags,x_Team";

    // Jan 10 AWS: GPU usage 98.32 billed (list 8 h × 12.29 = 98.32), a 5.00 credit, 7.87 tax → 101.19 billed that day.
    // Jan 11 Microsoft: Azure OpenAI 1.234567 billed. Total billed 102.424567; effective 98.32 − 5 + 7.87 + 1.234567 = 102.424567.
    public const string Bill =
        Header + "\n"
        + "98.32,98.32,98.32,98.32,USD,2026-01-10T00:00:00Z,2026-01-11T00:00:00Z,Usage,,p5.48xlarge,AWS,Amazon EC2,Compute,acct-1,i-0abc,p5,12.29,12.29,8,Hours,8,Hours,,,\"{\"\"team\"\": \"\"ml\"\"}\",ml\n"
        + "-5.00,-5.00,0,0,USD,2026-01-10T00:00:00Z,2026-01-11T00:00:00Z,Credit,,promo credit,AWS,Amazon EC2,Compute,acct-1,,,,,,,,,,,,ml\n"
        + "7.87,7.87,0,0,USD,2026-01-10T00:00:00Z,2026-01-11T00:00:00Z,Tax,,sales tax,AWS,Amazon EC2,Compute,acct-1,,,,,,,,,,,,ml\n"
        + "1.234567,1.234567,1.5,1.234567,usd,2026-01-11T00:00:00Z,2026-01-12T00:00:00Z,Usage,,gpt-4o tokens,Microsoft,Azure OpenAI,AI and Machine Learning,sub-9,aoai-1,gpt-4o,1.5,1.234567,1,1M Tokens,1000000,Tokens,,,,ai\n";

    /// <summary>One generated charge with the costs the ledger must hold.</summary>
    public sealed record Charge(DateTime Start, string Provider, string Category, decimal Billed, decimal Effective, decimal Quantity, decimal UnitPrice);

    public static List<Charge> Generate(int rows, int seed)
    {
        var random = new Random(seed);
        string[] providers = ["AWS", "Microsoft", "Google Cloud"];
        var charges = new List<Charge>(rows);
        for (int i = 0; i < rows; i++)
        {
            decimal quantity = random.Next(1, 10_000) / 100m;
            decimal unit = random.Next(1, 5_000_000) / 1_000_000m;
            decimal list = quantity * unit;
            bool credit = random.Next(20) == 0;
            decimal billed = credit ? -Math.Round(list / 10, 6) : Math.Round(list * (0.7m + random.Next(0, 30) / 100m), 6);
            charges.Add(new Charge(
                new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 90)),
                providers[random.Next(providers.Length)], credit ? "Credit" : "Usage", billed, billed, quantity, unit));
        }

        return charges;
    }

    public static string Csv(Charge c, int i)
    {
        string S(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        bool usage = c.Category == "Usage";
        return string.Join(',',
            S(c.Billed), S(c.Effective), usage ? S(c.Quantity * c.UnitPrice) : "0", S(c.Billed), "USD",
            c.Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), c.Start.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            c.Category, string.Empty, "charge " + i.ToString(CultureInfo.InvariantCulture), c.Provider, "GPU compute", "Compute", "acct", "res-" + (i % 50).ToString(CultureInfo.InvariantCulture), "sku",
            usage ? S(c.UnitPrice) : string.Empty, string.Empty, usage ? S(c.Quantity) : string.Empty, usage ? "Hours" : string.Empty,
            usage ? S(c.Quantity) : string.Empty, usage ? "Hours" : string.Empty, string.Empty, string.Empty, string.Empty, "t");
    }

    public static string Write(string dir, string name, IReadOnlyList<Charge> charges, Func<int, string?>? corrupt = null)
    {
        string path = Path.Combine(dir, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(Header + "\n");
        for (int i = 0; i < charges.Count; i++)
        {
            w.Write((corrupt?.Invoke(i) ?? Csv(charges[i], i)) + "\n");
        }

        return path;
    }
}
