using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Payments.ParamPos.Infrastructure;
using Nop.Plugin.Payments.ParamPos.Tests.Support;

namespace Nop.Plugin.Payments.ParamPos.Tests.Browser.Host;

/// <summary>
/// A web host that stands in for nopCommerce's storefront: the plugin's controllers, routes, view component and views
/// (compiled at run time from the plugin's Views folder, like nopCommerce does), the test checkout pages, and the
/// plugin's services over <see cref="CheckoutHarness"/>'s in-memory nopCommerce services, paying through the sandbox.
/// Listens on 127.0.0.1 only.
/// </summary>
public sealed class CheckoutTestHost : IAsyncDisposable
{
    private WebApplication _app;

    private CheckoutTestHost()
    {
    }

    public CheckoutHarness Harness { get; private set; }

    /// <summary>nopCommerce's own texts that the plugin's pages use.</summary>
    private static readonly Dictionary<string, string> NopCoreTexts = new()
    {
        ["Admin.Common.Save"] = "Save",
        ["Admin.Plugins.Saved"] = "The plugin has been saved.",
        ["Account.MyAccount"] = "My account"
    };

    public Uri BaseUrl { get; private set; }

    /// <summary>Debian's jQuery (package libjs-jquery).</summary>
    public const string JQueryPath = "/usr/share/javascript/jquery/jquery.min.js";

    public static async Task<CheckoutTestHost> StartAsync(Action<ParamPosSettings> configure = null, bool paratika = false)
    {
        var views = await CompiledViews.Value;
        var host = new CheckoutTestHost { Harness = paratika ? await CheckoutHarness.StartParatikaAsync(configure) : await CheckoutHarness.StartAsync(configure) };
        await host.Harness.Localization.AddOrUpdateLocaleResourceAsync(NopCoreTexts);

        var builder = NewBuilder(views.ContentRoot);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Replace(ServiceDescriptor.Singleton(views.Compiler));
        builder.Services.AddSingleton(host.Harness);
        host.Harness.AddNopServices(builder.Services);

        host._app = builder.Build();
        host._app.UseStaticFiles();
        host._app.UseRouting();
        new RouteProvider().RegisterRoutes(host._app);
        host._app.MapAreaControllerRoute("admin", "Admin", "Admin/{controller}/{action=Index}/{id?}");
        host._app.MapControllers();
        // nopCommerce's storefront runs on jQuery (its price-update event is a jQuery event): Debian's copy stands in.
        host._app.MapGet("/lib/jquery.min.js", () => File.Exists(JQueryPath) ? Microsoft.AspNetCore.Http.Results.File(JQueryPath, "text/javascript") : Microsoft.AspNetCore.Http.Results.NotFound());

        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        host.Harness.Shop.StoreLocation = host.BaseUrl.ToString();

        return host;
    }

    /// <summary>
    /// The views, compiled at run time as nopCommerce compiles them, once per test process: every host shares one
    /// content root and one view compiler, and every view is compiled before the first host serves a page, so no
    /// page waits for the compiler (on a busy machine the first compilation alone took longer than a page may).
    /// </summary>
    private static readonly Lazy<Task<(string ContentRoot, IViewCompilerProvider Compiler)>> CompiledViews = new(CompileViewsAsync);

    private static WebApplicationBuilder NewBuilder(string contentRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, WebRootPath = contentRoot, EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Services.AddControllersWithViews()
            .AddApplicationPart(typeof(ParamPosPaymentMethod).Assembly)
            .AddApplicationPart(typeof(CheckoutTestHost).Assembly)
            .AddRazorRuntimeCompilation()
            // nopCommerce's MVC JSON keeps .NET's PascalCase names (Newtonsoft's DefaultContractResolver).
            .AddJsonOptions(options => options.JsonSerializerOptions.PropertyNamingPolicy = null);

        return builder;
    }

    private static async Task<(string, IViewCompilerProvider)> CompileViewsAsync()
    {
        var contentRoot = PrepareContentRoot();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(contentRoot, recursive: true);

        // A host that is never started or disposed, so its compiler (and the file provider under it) outlives every test's host.
        var compilerHost = NewBuilder(contentRoot).Build();
        var provider = compilerHost.Services.GetRequiredService<IViewCompilerProvider>();
        var compiler = provider.GetCompiler();
        foreach (var view in Directory.EnumerateFiles(contentRoot, "*.cshtml", SearchOption.AllDirectories).Where(path => !Path.GetFileName(path).StartsWith("_View", StringComparison.Ordinal)))
            await compiler.CompileAsync("/" + Path.GetRelativePath(contentRoot, view).Replace('\\', '/'));

        return (contentRoot, provider);
    }

    /// <summary>
    /// Lays out a content root as nopCommerce's: the plugin's Views and Content under Plugins/Payments.ParamPos (copied
    /// from the plugin's source, as the package ships them), the test checkout's own views under Views, and a root
    /// _ViewImports.cshtml that brings in the admin stand-ins (<see cref="NopLabelStandIn"/> and its siblings).
    /// </summary>
    private static string PrepareContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "parampos-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "_ViewImports.cshtml"), "@addTagHelper *, " + typeof(CheckoutTestHost).Assembly.GetName().Name + Environment.NewLine);
        var plugin = Path.Combine(root, "Plugins", "Payments.ParamPos");
        CopyDirectory(Path.Combine(RepositoryPaths.Plugin, "Views"), Path.Combine(plugin, "Views"));
        CopyDirectory(Path.Combine(RepositoryPaths.Plugin, "Content"), Path.Combine(plugin, "Content"));
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Browser", "Host", "Views"), Path.Combine(root, "Views"));

        return root;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Harness is not null)
            await Harness.DisposeAsync();
    }
}
