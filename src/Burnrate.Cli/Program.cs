// The only place that touches the process console: everything else writes to the writers it is given.
// The tool package leaves DuckDB's and OR-Tools' natives out: found next to the app as before, else in the natives cache.
Burnrate.Catalog.Natives.NativeLoader.Register();
int width = Burnrate.Cli.Rendering.TerminalWidth.Resolve(Environment.GetEnvironmentVariable("COLUMNS"), !Console.IsOutputRedirected, () => Console.WindowWidth);
bool colour = Burnrate.Cli.Rendering.TerminalColour.Resolve(Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"), !Console.IsOutputRedirected);
return Burnrate.Cli.BurnrateApp.Run(args, Console.In, Console.Out, Console.Error, width, colour);
