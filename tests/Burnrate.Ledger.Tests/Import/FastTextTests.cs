using System.Globalization;
using System.Text;
using Burnrate.Ledger.Import;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Burnrate.Ledger.Tests.Import;

/// <summary>The importers' fast paths (decimals in row keys, fields parsed from characters or UTF-8 bytes) against the general code they replace.</summary>
public sealed class FastTextTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("-0.0")]
    [InlineData("1.2000")]
    [InlineData("-17.50")]
    [InlineData("100")]
    [InlineData("0.0000000001")]
    [InlineData("0.00000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-7.9228162514264337593543950335")]
    public void Should_WriteTheCustomFormatsDigits_When_ADecimalGoesIntoARowKey(string text)
    {
        // Given a decimal with its scale as written
        decimal d = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        // When / Then
        Plain(d).ShouldBe(d.ToString("0.##########", CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 500)]
    public Property Should_WriteWhatTheCustomFormatWrites_When_AnyDecimalGoesIntoARowKey(int lo, int mid, int hi, bool negative, byte scale)
    {
        // Given any decimal with any scale 0–28 (the importers round to 10 first; the rest takes the slow path)
        decimal d = new(lo, mid, hi, negative, (byte)(scale % 29));

        // When / Then
        string expected = d.ToString("0.##########", CultureInfo.InvariantCulture);
        return (Plain(d) == expected).Label($"{d}: {Plain(d)} vs {expected}");
    }

    [Property(MaxTest = 300)]
    public Property Should_ParseLikeTheStringParsers_When_AFieldIsReadFromCharacters(NonNegativeInt a, int b, byte kind, bool pad)
    {
        // Given a field text that is a count, an amount, an instant, junk or blank
        string text = (kind % 7) switch
        {
            0 => a.Get.ToString(CultureInfo.InvariantCulture),
            1 => (b / 1000m).ToString(CultureInfo.InvariantCulture),
            2 => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(a.Get).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            3 => (1_600_000_000L + a.Get).ToString(CultureInfo.InvariantCulture),
            4 => "12.0",
            5 => "null",
            _ => "x" + b.ToString(CultureInfo.InvariantCulture),
        };
        text = pad ? " " + text + " " : text;

        // When parsed as a string and as characters, present and missing
        bool same = true;
        foreach (string? s in new[] { text, null, string.Empty, "  " })
        {
            bool countOk = FieldText.TryCount("f", s, out long count, out string? countError);
            bool countSpan = FieldText.TryCount("f", s.AsSpan(), s is null, out long count2, out string? countError2);
            bool moneyOk = FieldText.TryMoney("f", s, true, out decimal? money, out string? moneyError);
            bool moneySpan = FieldText.TryMoney("f", s.AsSpan(), s is null, true, out decimal? money2, out string? moneyError2);
            bool timeOk = FieldText.TryInstant("f", s, out DateTime time, out string? timeError);
            bool timeSpan = FieldText.TryInstant("f", s.AsSpan(), s is null, out DateTime time2, out string? timeError2);
            same &= countOk == countSpan && count == count2 && countError == countError2
                && moneyOk == moneySpan && money == money2 && moneyError == moneyError2
                && timeOk == timeSpan && time == time2 && time.Kind == time2.Kind && timeError == timeError2;
        }

        // Then both give the same values and the same messages
        return same.Label(text);
    }

    [Property(MaxTest = 200)]
    public Property Should_ReadWhatTheTextParsersRead_When_LiteLlmNumbersAndTimesTakeTheFastPath(NonNegativeInt a, NonNegativeInt b, int c, byte shape)
    {
        // Given a record whose counts, spend and startTime are valid or not, in the common shapes or others
        string prompt = (shape % 4) switch { 0 => a.Get.ToString(CultureInfo.InvariantCulture), 1 => a.Get + ".0", 2 => "-" + (a.Get + 1), _ => "1e3" };
        string completion = b.Get.ToString(CultureInfo.InvariantCulture);
        string spend = (c / 1_000_000m).ToString(CultureInfo.InvariantCulture);
        DateTime t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(a.Get);
        string start = (shape / 4 % 4) switch
        {
            0 => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            1 => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            2 => (1_700_000_000L + a.Get).ToString(CultureInfo.InvariantCulture),
            _ => "not a time",
        };

        // The answer of the text parsers (the path every value took before)
        var fields = new LiteLlmFields { RequestId = "r1", Model = "m", StartTime = start, PromptTokens = prompt, CompletionTokens = completion, Spend = spend };
        string? expectedError = fields.TryBuild(() => Guid.Empty, out UsageRow expected);

        // When read as JSON Lines (number tokens) and as CSV
        string json = $"{{\"request_id\":\"r1\",\"model\":\"m\",\"startTime\":\"{start}\",\"prompt_tokens\":{prompt},\"completion_tokens\":{completion},\"spend\":{spend}}}\n";
        string csv = $"request_id,startTime,model,prompt_tokens,completion_tokens,spend\nr1,{start},m,{prompt},{completion},{spend}\n";
        ImportItem<UsageRow> fromJson = LiteLlmJsonlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))).Single();
        ImportItem<UsageRow> fromCsv = LiteLlmCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv))).Single();

        // Then both give the text parsers' row, or their message
        bool same = fromJson.Error == expectedError && fromCsv.Error == expectedError
            && (expectedError is not null || (fromJson.Row == expected && fromCsv.Row == expected));
        return same.Label($"{json.Trim()}: expected {expectedError ?? expected.ToString()}; jsonl {fromJson.Error ?? fromJson.Row.ToString()}; csv {fromCsv.Error ?? fromCsv.Row.ToString()}");
    }

    [Theory]
    [InlineData("\"prompt_tokens\":5,\"prompt_tokens\":\"7\"", 7)]
    [InlineData("\"prompt_tokens\":\"x\",\"prompt_tokens\":5", 5)]
    [InlineData("\"prompt_tokens\":\" 9 \"", 9)]
    public void Should_TakeTheLastValue_When_AJsonKeyRepeatsInEitherForm(string tokens, long expected)
    {
        // Given a record that names prompt_tokens twice, once as a number and once as text
        string json = "{\"request_id\":\"r\",\"model\":\"m\",\"startTime\":\"2026-01-05T10:00:00Z\"," + tokens + "}\n";

        // When
        ImportItem<UsageRow> item = LiteLlmJsonlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))).Single();

        // Then
        item.Error.ShouldBeNull();
        item.Row.InputTokens.ShouldBe(expected);
    }

    private static string Plain(decimal d)
    {
        Span<char> chars = stackalloc char[64];
        return new string(chars[..RowKey.Plain(d, chars)]);
    }
}
