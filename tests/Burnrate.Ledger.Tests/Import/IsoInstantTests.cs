using System.Globalization;
using Burnrate.Ledger.Import;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Burnrate.Ledger.Tests.Import;

public sealed class IsoInstantTests
{
    private const DateTimeStyles Utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

    [Theory]
    [InlineData("2026-01-31T12:00:00Z", "2026-01-31T12:00:00.0000000Z")]
    [InlineData("2026-01-31 12:00:00.5", "2026-01-31T12:00:00.5000000Z")]
    [InlineData("2026-02-01T00:00:00+02:00", "2026-01-31T22:00:00.0000000Z")]
    [InlineData("2026-12-31T23:30:00.1234567-01:30", "2027-01-01T01:00:00.1234567Z")]
    public void Should_ReadTheInstantAsUtc_When_TheTextIsIso8601(string text, string expected)
    {
        IsoInstant.TryParse(text, out DateTime utc).ShouldBeTrue();

        utc.ToString("O", CultureInfo.InvariantCulture).ShouldBe(expected);
        utc.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-01-31T24:00:00Z")]
    [InlineData("2026-01-31T12:00:00.12345678Z")]
    [InlineData("2026-01-31T12:00:00.Z")]
    [InlineData("2026-01-31T12:00:00+0200")]
    [InlineData(" 2026-01-31T12:00:00Z")]
    [InlineData("2026-01-31T12:00:00Z ")]
    [InlineData("1706702400")]
    [InlineData("31/01/2026 12:00")]
    public void Should_LeaveTheTextToTheGeneralParser_When_ItIsNotTheCommonShape(string text) =>
        IsoInstant.TryParse(text, out _).ShouldBeFalse();

    [Property(MaxTest = 500)]
    public Property Should_AgreeWithTheGeneralParser_When_AnyInstantIsWrittenInAnyCommonShape(
        DateTime instant, byte fractionDigits, bool space, sbyte offsetQuarterHours, byte zone)
    {
        // Given any instant written with 0–7 fraction digits, T or space, and Z, an offset or nothing
        int digits = fractionDigits % 8;
        string format = "yyyy-MM-dd" + (space ? " " : "'T'") + "HH:mm:ss" + (digits > 0 ? "." + new string('f', digits) : string.Empty);
        int offsetMinutes = offsetQuarterHours % 56 * 15;
        string suffix = (zone % 3) switch
        {
            0 => "Z",
            1 => (offsetMinutes < 0 ? "-" : "+") + TimeSpan.FromMinutes(Math.Abs(offsetMinutes)).ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
        string text = instant.ToString(format, CultureInfo.InvariantCulture) + suffix;

        // When / Then: the fast path, where it answers, gives the general parser's answer (and it answers for every sane year)
        bool general = DateTime.TryParse(text, CultureInfo.InvariantCulture, Utc, out DateTime expected);
        bool fast = IsoInstant.TryParse(text, out DateTime actual);
        bool agrees = !fast || (general && actual == expected && actual.Kind == expected.Kind);
        bool answers = fast || instant.Year is < 2 or > 9998;
        return (agrees && answers).Label($"{text}: general {general} {expected:O}, fast {fast} {actual:O}");
    }

    [Property(MaxTest = 500)]
    public Property Should_NeverAcceptWhatTheGeneralParserRejectsOrReadsOtherwise_When_TheTextIsMangled(NonNegativeInt seed, byte position, char replacement)
    {
        // Given a valid timestamp with one character replaced
        char[] text = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seed.Get).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture).ToCharArray();
        text[position % text.Length] = replacement;
        string mangled = new(text);

        bool fast = IsoInstant.TryParse(mangled, out DateTime actual);
        bool general = DateTime.TryParse(mangled, CultureInfo.InvariantCulture, Utc, out DateTime expected);
        return (!fast || (general && actual == expected)).Label($"{mangled}: general {general} {expected:O}, fast {actual:O}");
    }
}
