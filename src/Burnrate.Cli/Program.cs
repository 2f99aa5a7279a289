// The only place that touches the process console: everything else writes to the writers it is given.
return Burnrate.Cli.BurnrateApp.Run(args, Console.In, Console.Out, Console.Error);
