namespace Burnrate.Ledger.Import;

/// <summary>
/// The fast path of timestamp parsing for the shape logs and bills almost always use, <c>YYYY-MM-DD[T| ]hh:mm:ss</c>
/// with an optional fraction of 1–7 digits and an optional <c>Z</c> or <c>±hh:mm</c> offset, read as UTC like
/// <see cref="DateTime.TryParse(string, IFormatProvider, System.Globalization.DateTimeStyles, out DateTime)"/> with
/// AdjustToUniversal | AssumeUniversal. Anything else (and any value out of range) is left to that general parser, so
/// the two agree on every text this one accepts; it only skips the general parser's cost (about 20× this one's).
/// </summary>
internal static class IsoInstant
{
    /// <summary>Parses the common ISO 8601 shape to UTC.</summary>
    /// <param name="text">The text.</param>
    /// <param name="utc">The instant, as UTC.</param>
    /// <returns>False when the text is not in the shape (the caller falls back to the general parser).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime utc)
    {
        utc = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] is not ('T' or ' ') || text[13] != ':' || text[16] != ':'
            || !Digits(text, 0, 4, out int year) || !Digits(text, 5, 2, out int month) || !Digits(text, 8, 2, out int day)
            || !Digits(text, 11, 2, out int hour) || !Digits(text, 14, 2, out int minute) || !Digits(text, 17, 2, out int second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int i = 19;
        long fraction = 0;
        if (i < text.Length && text[i] == '.')
        {
            int start = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 7)
            {
                fraction = (fraction * 10) + (text[i] - '0');
                i++;
            }

            int digits = i - start;
            if (digits == 0 || (i < text.Length && char.IsAsciiDigit(text[i])))
            {
                return false;
            }

            for (int d = digits; d < 7; d++)
            {
                fraction *= 10;
            }
        }

        long offsetTicks = 0;
        if (i < text.Length)
        {
            if (text[i] == 'Z' && i + 1 == text.Length)
            {
                i++;
            }
            else if (text[i] is '+' or '-' && i + 6 == text.Length && text[i + 3] == ':'
                && Digits(text, i + 1, 2, out int offsetHours) && Digits(text, i + 4, 2, out int offsetMinutes) && offsetHours < 14 && offsetMinutes <= 59)
            {
                offsetTicks = ((offsetHours * 60L) + offsetMinutes) * TimeSpan.TicksPerMinute * (text[i] == '-' ? -1 : 1);
                i += 6;
            }
            else
            {
                return false;
            }
        }

        long ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction - offsetTicks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
