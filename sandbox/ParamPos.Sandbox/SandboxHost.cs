using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParamPos.Sandbox.Bank;
using ParamPos.Sandbox.Faults;
using ParamPos.Sandbox.Operations;
using ParamPos.Sandbox.Pages;
using ParamPos.Sandbox.Paratika;
using ParamPos.Sandbox.Soap;
using ParamPos.Sandbox.State;

namespace ParamPos.Sandbox;

/// <summary>
/// Builds the sandbox web application, listening on 127.0.0.1 only. Used by Program (runs alone) and by the tests
/// (in-process, port 0).
/// </summary>
public static class SandboxHost
{
    public const string SERVICE_PATH = "/turkpos.ws/service_turkpos_prod.asmx";
    public const string LEGACY_SERVICE_PATH = "/turkpos.ws/service_turkpos_test.asmx";
    public const string PARATIKA_API_PATH = "/paratika/api/v2";
    public const string CARD_STORAGE_PATH = "/out.ws/service_ks.asmx";
    public const string MARKETPLACE_PATH = "/turkpos.ws/service_pazaryeri.asmx";

    /// <summary>The operation name the external BIN service stand-in's calls are counted under.</summary>
    public const string EXTERNAL_BIN_SERVICE = "binlist";

    public static WebApplication Create(SandboxOptions options, string[] args = null, TimeProvider clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSingleton<WsdlSchema>();
        builder.Services.AddSingleton<Ledger>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<FaultPlan>();
        builder.Services.AddSingleton<NetworkLatency>();
        builder.Services.AddSingleton<TurkPosService>();
        builder.Services.AddSingleton<CardStore>();
        builder.Services.AddSingleton<CardStorageSchema>();
        builder.Services.AddSingleton<CardStorageService>();
        builder.Services.AddSingleton<MarketplaceState>();
        builder.Services.AddSingleton<MarketplaceSchema>();
        builder.Services.AddSingleton<MarketplaceService>();
        builder.Services.AddSingleton<BankPages>();
        builder.Services.AddSingleton<AdminPages>();
        builder.Services.AddSingleton<ParatikaState>();
        builder.Services.AddSingleton<ParatikaService>();
        builder.Services.AddSingleton<ParatikaApiEndpoint>();
        builder.Services.AddSingleton<HostedPaymentPages>();

        var app = builder.Build();

        var services = app.Services;
        var turkPos = new AsmxEndpoint(new AsmxService
        {
            Namespace = WsdlSchema.TURKPOS_NAMESPACE,
            Operations = services.GetRequiredService<WsdlSchema>().Operations,
            Validate = services.GetRequiredService<WsdlSchema>().Validate,
            Implemented = TurkPosService.Implemented,
            Handle = services.GetRequiredService<TurkPosService>().Handle,
            ErrorResult = TurkPosService.ErrorResult
        }, services.GetRequiredService<FaultPlan>(), services.GetRequiredService<RequestLog>(), services.GetRequiredService<NetworkLatency>());
        var cardStorage = new AsmxEndpoint(new AsmxService
        {
            Namespace = CardStorageSchema.NAMESPACE,
            Operations = services.GetRequiredService<CardStorageSchema>().Operations,
            Validate = services.GetRequiredService<CardStorageSchema>().Validate,
            Implemented = CardStorageService.Implemented,
            Handle = services.GetRequiredService<CardStorageService>().Handle,
            ErrorResult = CardStorageService.ErrorResult
        }, services.GetRequiredService<FaultPlan>(), services.GetRequiredService<RequestLog>(), services.GetRequiredService<NetworkLatency>());

        var marketplace = new AsmxEndpoint(new AsmxService
        {
            Namespace = WsdlSchema.TURKPOS_NAMESPACE,
            Operations = services.GetRequiredService<MarketplaceSchema>().Operations,
            Validate = services.GetRequiredService<MarketplaceSchema>().Validate,
            Implemented = MarketplaceService.Implemented,
            Handle = services.GetRequiredService<MarketplaceService>().Handle,
            ErrorResult = MarketplaceService.ErrorResult
        }, services.GetRequiredService<FaultPlan>(), services.GetRequiredService<RequestLog>(), services.GetRequiredService<NetworkLatency>());

        app.MapPost(CARD_STORAGE_PATH, (HttpContext context) => cardStorage.HandleAsync(context));
        app.MapPost(MARKETPLACE_PATH, (HttpContext context) => marketplace.HandleAsync(context));
        app.MapGet("/sandbox/api/marketplace/shares", (MarketplaceState state) => Results.Json(state.AllShares().Select(share => new
        {
            share.Guid, share.PaymentTransactionId, share.OrderId, share.SellerGuid, share.ProductAmount, share.PayableAmount, share.Status, share.PayoutDay
        })));
        app.MapGet("/sandbox/api/saved-cards", (CardStore store) => Results.Json(store.All().Select(card => new { card.Token, card.MaskedNumber, card.Label, card.CardReference })));

        foreach (var path in new[] { SERVICE_PATH, LEGACY_SERVICE_PATH })
        {
            app.MapPost(path, (HttpContext context) => turkPos.HandleAsync(context));
            app.MapGet(path, (HttpContext context, WsdlSchema schema) =>
            {
                if (!context.Request.QueryString.Value!.Contains("wsdl", StringComparison.OrdinalIgnoreCase))
                    return Results.Content(Html.Page("TurkPos WS", "<div class=\"card\"><h1>TurkPos WS (sandbox)</h1><p><a href=\"?wsdl\">Service description</a></p></div>"), "text/html; charset=utf-8");

                return Results.Content(schema.WsdlFor($"{context.Request.Scheme}://{context.Request.Host}{SERVICE_PATH}"), "text/xml; charset=utf-8");
            });
        }

        app.MapMethods("/bank/3d/{token}", ["GET", "POST"], (HttpContext context, string token, BankPages pages) => pages.ShowAsync(context, token));
        app.MapPost("/bank/3d/{token}/complete", (HttpContext context, string token, BankPages pages) => pages.CompleteAsync(context, token));

        app.MapPost(PARATIKA_API_PATH, (HttpContext context, ParatikaApiEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapGet("/payment/{token}", (HttpContext context, string token, HostedPaymentPages pages) => pages.ShowAsync(context, token));
        app.MapPost("/payment/{token}", (HttpContext context, string token, HostedPaymentPages pages) => pages.SubmitAsync(context, token));
        app.MapPost("/payment/{token}/3d", (HttpContext context, string token, HostedPaymentPages pages) => pages.CompleteAsync(context, token));
        app.MapGet("/sandbox/api/paratika/transactions", (ParatikaState state) => Results.Json(state.Rows().Select(row => new
        {
            row.PgTranId, row.MerchantPaymentId, row.Type, row.Status, row.Amount, row.Currency, row.Installments, row.BusinessDay
        })));

        app.MapGet("/", (HttpContext context, AdminPages pages) => Results.Content(pages.Home(context.Request), "text/html; charset=utf-8"));
        app.MapGet("/sandbox/requests", (AdminPages pages) => Results.Content(pages.Requests(), "text/html; charset=utf-8"));
        app.MapGet("/sandbox/transactions", (AdminPages pages) => Results.Content(pages.Transactions(), "text/html; charset=utf-8"));
        app.MapPost("/sandbox/close-day", (Ledger ledger) =>
        {
            ledger.CloseDay();
            return Results.Redirect("/sandbox/transactions");
        });

        // JSON control API for tests and scripts.
        app.MapGet("/sandbox/api/requests", (RequestLog log) => Results.Json(log.Entries()));
        app.MapGet("/sandbox/api/counts", (RequestLog log) => Results.Json(log.Counts()));
        app.MapPost("/sandbox/api/latency", (LatencySetting setting, NetworkLatency latency) =>
        {
            latency.Milliseconds = setting.Milliseconds;
            return Results.Ok();
        });

        // A stand-in for the external BIN service earlier plugins call per card (lookup.binlist.net): the benchmark's
        // "prior-art way" pays its round trip. Answers from the BIN table; unknown BINs as a credit card.
        app.MapGet("/binlist/{bin}", async (HttpContext context, string bin, SandboxOptions sandboxOptions, NetworkLatency latency, RequestLog log, TimeProvider time) =>
        {
            await latency.WaitAsync(context.RequestAborted);
            var row = sandboxOptions.Bins.FirstOrDefault(candidate => bin.StartsWith(candidate.Bin, StringComparison.Ordinal));
            log.Add(new LoggedRequest(time.GetUtcNow(), EXTERNAL_BIN_SERVICE, null, bin.Length >= 6 ? bin[..6] : bin, 200, "ok"));
            var debit = row?.CardType?.Contains("Debit", StringComparison.OrdinalIgnoreCase) == true || row?.CardType?.Contains("Banka", StringComparison.OrdinalIgnoreCase) == true;

            return Results.Json(new { scheme = (row?.Scheme ?? "visa").ToLowerInvariant(), type = debit ? "debit" : "credit", bank = new { name = row?.Bank ?? "Unknown" } });
        });
        app.MapGet("/sandbox/api/transactions", (Ledger ledger) => Results.Json(ledger.Transactions().Select(transaction => new
        {
            transaction.OrderId, transaction.ReceiptId, Status = transaction.Status.ToString(), transaction.Total, transaction.Refunded,
            transaction.Installments, transaction.MaskedCard, transaction.BusinessDay, transaction.IsPreAuthorization, transaction.Captured, transaction.Currency
        })));
        app.MapPost("/sandbox/api/close-day", (Ledger ledger) =>
        {
            ledger.CloseDay();
            return Results.Json(new { ledger.BusinessDay });
        });
        app.MapPost("/sandbox/api/outside-sale", (OutsideSale sale, TurkPosService service) =>
        {
            var recorded = service.RecordOutsideSale(sale.OrderId, sale.Total);
            return Results.Json(new { recorded.OrderId, recorded.ReceiptId, recorded.Total });
        });
        app.MapPost("/sandbox/api/faults", (FaultRule rule, FaultPlan plan) =>
        {
            plan.Add(rule);
            return Results.Json(plan.Pending());
        });
        app.MapDelete("/sandbox/api/faults", (FaultPlan plan) =>
        {
            plan.Clear();
            return Results.NoContent();
        });
        app.MapPost("/sandbox/api/reset-log", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });

        return app;
    }
}

/// <summary>A sale to record as made outside the store (POST /sandbox/api/outside-sale).</summary>
public sealed record OutsideSale(string OrderId, decimal Total);

/// <summary>The body of POST /sandbox/api/latency.</summary>
public sealed record LatencySetting(int Milliseconds);
