namespace Burnrate.Web.Tests.Browser;

/// <summary>A browser test: reported as skipped, with the reason, when Debian's chromium is not installed (scripts/test.sh installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Initializes a new instance of the <see cref="BrowserFactAttribute"/> class.</summary>
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} not found: install Debian's chromium (apt-get install -y chromium; scripts/test.sh does) to run the browser tests";
        }
    }
}
