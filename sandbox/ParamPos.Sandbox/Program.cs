using System.Globalization;
using Microsoft.AspNetCore.Builder;
using ParamPos.Sandbox;

// dotnet run --project sandbox/ParamPos.Sandbox [-- --port 5271]
var options = new SandboxOptions();
var portIndex = Array.IndexOf(args, "--port");
if (portIndex >= 0 && portIndex + 1 < args.Length)
    options.Port = int.Parse(args[portIndex + 1], CultureInfo.InvariantCulture);
if (args.Contains("--strict-commission"))
    options.StrictCommission = true;

var app = SandboxHost.Create(options);
await app.StartAsync();
Console.WriteLine($"ParamPOS sandbox listening on {string.Join(", ", app.Urls)}");
Console.WriteLine($"  service URL: {app.Urls.First()}{SandboxHost.SERVICE_PATH}");
Console.WriteLine("  test account: CLIENT_CODE 10738, user Test, password Test, GUID 0c13d406-873b-403b-9c09-a5766840d98c");
Console.WriteLine("  press Ctrl+C to stop");
await app.WaitForShutdownAsync();
