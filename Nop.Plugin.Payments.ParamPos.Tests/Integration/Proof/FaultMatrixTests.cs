using System.Text;
using FluentAssertions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox.Faults;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Proof;

/// <summary>
/// The fault matrix: every fault the sandbox injects (an answer lost past the timeout, HTTP 500, an HTML page, malformed
/// XML, a SOAP fault, a negative Sonuc, a dropped connection) at every step of every flow (3D Model start, completion,
/// status query, refund; pre-authorization start, capture, void; 3D Pay start and confirming query; saved card save and
/// pay; Paratika session and confirming query). After each, and a reconciliation run: never paid without a sale at the gateway, never
/// charged or paid twice, a sale the gateway made ends paid, and what the gateway reversed is what the order says.
/// The matrix is printed with the outcome of each cell.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Checkout), Category(TestCategories.Refund), Category(TestCategories.PreAuth),
 Category(TestCategories.ThreeDPay), Category(TestCategories.SavedCards), Category(TestCategories.Paratika)]
public class FaultMatrixTests
{
    private static readonly FaultMode[] Faults =
        [FaultMode.Timeout, FaultMode.Http500, FaultMode.HtmlPage, FaultMode.MalformedXml, FaultMode.SoapFault, FaultMode.NegativeSonuc, FaultMode.Disconnect];

    private readonly List<Cell> _cells = new();
    private int _customers = 7000;

    private sealed record Cell(string Step, FaultMode Fault, string Outcome, string Problem);

    private static FaultRule Rule(string operation, FaultMode fault) => new() { Operation = operation, Mode = fault, DelayMilliseconds = 1800, Count = 1 };

    private static async Task<CheckoutHarness> StartAsync(Action<ParamPosSettings> configure = null)
    {
        return await CheckoutHarness.StartAsync(settings =>
        {
            settings.RequestTimeoutSeconds = 1;
            configure?.Invoke(settings);
        });
    }

    private Nop.Core.Domain.Customers.Customer NewCustomer(CheckoutHarness harness) => harness.Shop.AddCustomer(++_customers, 100m);

    /// <summary>Runs a step with its fault; a refusal the harness reports as an exception is an outcome, not a failure.</summary>
    private static async Task<string> TryAsync(Func<Task> step)
    {
        try
        {
            await step();
            return null;
        }
        catch (InvalidOperationException refused)
        {
            return "refused: " + refused.Message[..Math.Min(60, refused.Message.Length)];
        }
    }

    /// <summary>After a reconciliation run: the order's payment state against the gateway's sales of its attempts.</summary>
    private async Task CheckSaleAsync(CheckoutHarness harness, string step, FaultMode fault, Order order, string refusal)
    {
        if (order is null)
        {
            _cells.Add(new Cell(step, fault, refusal ?? "no order", null));
            return;
        }

        harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await harness.ReconcileAsync();
        var stored = harness.Orders.Get(order.Id);
        var ledger = await harness.LedgerAsync(order);
        var sales = new List<SandboxTransaction>();
        foreach (var attempt in ledger.Attempts)
        {
            if (attempt.Kind == PaymentKind.ParatikaHostedSale)
            {
                if ((await harness.Sandbox.ParatikaRowsAsync(attempt.OrderReference)).Any(row => row.Type == "SALE" && row.Status is "AP" or "VD"))
                    sales.Add(new SandboxTransaction(attempt.OrderReference, "Paid", attempt.Total, 0m, 1));
            }
            else if (await harness.Sandbox.FindTransactionAsync(attempt.OrderReference) is { Status: not "Failed" } sale)
                sales.Add(sale);
        }

        var settled = stored.PaymentStatus is PaymentStatus.Paid or PaymentStatus.Authorized;
        string problem = null;
        if (settled && sales.Count == 0)
            problem = "paid without a sale at the gateway";
        else if (sales.Count > 1)
            problem = $"{sales.Count} sales at the gateway";
        else if (sales.Count == 1 && !settled)
            problem = $"the gateway's sale left {stored.PaymentStatus} after reconciliation";
        else if (harness.Orders.MarkedPaidCountOf(order.Id) > 1)
            problem = "marked paid twice";

        _cells.Add(new Cell(step, fault, refusal ?? stored.PaymentStatus.ToString(), problem));
    }

    /// <summary>After a reconciliation run: what the gateway reversed against what the order and the ledger say.</summary>
    private async Task CheckReversalAsync(CheckoutHarness harness, string step, FaultMode fault, Order order, Func<SandboxTransaction, bool> reversedAtGateway,
        Func<Order, bool> reversedInStore, string refusal)
    {
        harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await harness.ReconcileAsync();
        var stored = harness.Orders.Get(order.Id);
        var atGateway = await harness.Sandbox.FindTransactionAsync((await harness.LedgerAsync(order)).LatestAttempt.OrderReference);
        var gatewaySays = atGateway is not null && reversedAtGateway(atGateway);
        var ledger = await harness.LedgerAsync(order);
        var storeSays = reversedInStore(stored) || ledger.Entries.Any(entry => entry.Kind is LedgerEntryKind.Refund or LedgerEntryKind.Cancel or LedgerEntryKind.Capture or LedgerEntryKind.Void
            && entry.State == LedgerEntryState.Succeeded);
        // A capture whose answer was lost cannot be told from a hold by Param's status query: it stays unknown in the
        // ledger, left to the merchant (an order note once overdue), and the order claims nothing either way.
        var leftToMerchant = !storeSays && stored.PaymentStatus == PaymentStatus.Authorized
            && ledger.Entries.Any(entry => entry.Kind is LedgerEntryKind.Capture && entry.State == LedgerEntryState.Unknown);
        var problem = gatewaySays == storeSays || leftToMerchant ? null : $"the gateway {(gatewaySays ? "did" : "did not")} but the store {(storeSays ? "did" : "did not")}";
        if (ledger.Entries.Count(entry => entry.Kind is LedgerEntryKind.Refund or LedgerEntryKind.Cancel or LedgerEntryKind.Capture or LedgerEntryKind.Void
            && entry.State == LedgerEntryState.Succeeded) > 1)
            problem = "recorded twice";

        _cells.Add(new Cell(step, fault, refusal ?? (leftToMerchant ? "unknown, left to the merchant" : gatewaySays ? "done" : "not done") + $" ({atGateway?.Status})", problem));
    }

    [Test]
    public async Task EveryFault_AtEveryStep_KeepsMoneyAndOrdersConsistent()
    {
        await using (var harness = await StartAsync())
        {
            foreach (var fault in Faults)
            {
                // 3D Model start: the card's 3-D page is asked for (TP_WMD_UCD).
                Order order = null;
                await harness.Sandbox.InjectFaultAsync(Rule("TP_WMD_UCD", fault));
                var refusal = await TryAsync(async () => order = await harness.CheckoutToBankAsync(customer: NewCustomer(harness)));
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "3D Model start", fault, order, refusal);

                // 3D Model completion (TP_WMD_Pay) after the bank's callback.
                order = await harness.CheckoutToBankAsync(customer: NewCustomer(harness));
                var callback = await harness.AuthenticateAsync(order, approve: true);
                await harness.Sandbox.InjectFaultAsync(Rule("TP_WMD_Pay", fault));
                refusal = await TryAsync(() => harness.PostCallbackAsync(callback));
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "3D Model completion", fault, order, refusal);

                // The status query (TP_Islem_Sorgulama4) of a completion whose answer was lost.
                order = await harness.CheckoutToBankAsync(customer: NewCustomer(harness));
                callback = await harness.AuthenticateAsync(order, approve: true);
                await harness.Sandbox.InjectFaultAsync(Rule("TP_WMD_Pay", FaultMode.Timeout));
                await harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Sorgulama4", Mode = fault, DelayMilliseconds = 1800, Count = 2 });
                refusal = await TryAsync(() => harness.PostCallbackAsync(callback));
                harness.Clock.Advance(TimeSpan.FromMinutes(20));
                await harness.ReconcileAsync();
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "status query", fault, order, null);

                // Refund of a paid order (TP_Islem_Iptal_Iade_Kismi2).
                var paid = await harness.PaidOrderAsync(customer: NewCustomer(harness));
                await harness.Sandbox.InjectFaultAsync(Rule("TP_Islem_Iptal_Iade_Kismi2", fault));
                var refund = await harness.RefundAsync(paid.Id, paid.OrderTotal, partial: false);
                await harness.Sandbox.ClearFaultsAsync();
                await CheckReversalAsync(harness, "refund", fault, paid, sale => sale.Refunded > 0m || sale.Status is "Cancelled" or "Refunded",
                    stored => stored.RefundedAmount > 0m, refund.Success ? null : null);
            }
        }

        await using (var harness = await StartAsync(settings => settings.TransactionMode = TransactionMode.AuthorizeOnly))
        {
            foreach (var fault in Faults)
            {
                Order order = null;
                await harness.Sandbox.InjectFaultAsync(Rule("TP_Islem_Odeme_OnProv_WMD", fault));
                var refusal = await TryAsync(async () => order = await harness.CheckoutToBankAsync(customer: NewCustomer(harness)));
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "pre-authorization start", fault, order, refusal);

                var held = await harness.AuthorizedOrderAsync();
                await harness.Sandbox.InjectFaultAsync(Rule("TP_Islem_Odeme_OnProv_Kapa", fault));
                await harness.CaptureAsync(held.Id);
                await harness.Sandbox.ClearFaultsAsync();
                await CheckReversalAsync(harness, "capture", fault, held, sale => sale.Status == "Captured", stored => stored.PaymentStatus == PaymentStatus.Paid, null);

                held = await harness.AuthorizedOrderAsync();
                await harness.Sandbox.InjectFaultAsync(Rule("TP_Islem_Iptal_OnProv", fault));
                await harness.VoidAsync(held.Id);
                await harness.Sandbox.ClearFaultsAsync();
                await CheckReversalAsync(harness, "void", fault, held, sale => sale.Status == "PreAuthorizationReleased", stored => stored.PaymentStatus == PaymentStatus.Voided, null);
            }
        }

        await using (var harness = await StartAsync(settings => settings.PaymentModel = PaymentModel.ThreeDPay))
        {
            foreach (var fault in Faults)
            {
                Order order = null;
                await harness.Sandbox.InjectFaultAsync(Rule("Pos_Odeme", fault));
                var refusal = await TryAsync(async () => order = await harness.CheckoutToBankAsync(customer: NewCustomer(harness)));
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "3D Pay start", fault, order, refusal);

                order = await harness.CheckoutToBankAsync(customer: NewCustomer(harness));
                var posted = await harness.AuthenticateAsync(order, approve: true);
                await harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "TP_Islem_Sorgulama4", Mode = fault, DelayMilliseconds = 1800, Count = 2 });
                refusal = await TryAsync(() => harness.PostReturnAsync(posted));
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "3D Pay confirming query", fault, order, refusal);
            }
        }

        await using (var harness = await StartAsync(settings => settings.OfferSavedCards = true))
        {
            foreach (var fault in Faults)
            {
                // Saving the card after a paid order (KS_Kart_Ekle): the payment stands; the card is kept here iff Param keeps it.
                var customer = NewCustomer(harness);
                harness.Shop.RegisteredCustomers[customer.Id] = true;
                harness.Shop.FillCart(customer.Id);
                var (_, request) = await harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(saveCard: true), customer);
                var (_, order) = await harness.PlaceOrderAsync(request, customer);
                var callback = await harness.AuthenticateAsync(order, approve: true);
                await harness.Sandbox.InjectFaultAsync(Rule("KS_Kart_Ekle", fault));
                await harness.PostCallbackAsync(callback);
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "saved card: save", fault, order, null);
                var here = await harness.InScopeAsync(services => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                    .GetRequiredService<Data.SavedCards>(services).OfCustomerAsync(customer.Id, harness.Shop.Store.Id));
                var atParam = (await harness.Sandbox.SavedCardsAsync()).Count(card => card.Label == "nop-c" + customer.Id);
                if (here.Count != atParam)
                    _cells[^1] = _cells[^1] with { Problem = $"{atParam} card(s) at Param, {here.Count} in the store" };

                // Paying with a saved card (KS_Tahsilat), then the bank's 3-D page and the return: a card saved without a fault.
                customer = NewCustomer(harness);
                harness.Shop.RegisteredCustomers[customer.Id] = true;
                harness.Shop.FillCart(customer.Id);
                (_, request) = await harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(saveCard: true), customer);
                (_, order) = await harness.PlaceOrderAsync(request, customer);
                await harness.PostCallbackAsync(await harness.AuthenticateAsync(order, approve: true));
                here = await harness.InScopeAsync(services => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                    .GetRequiredService<Data.SavedCards>(services).OfCustomerAsync(customer.Id, harness.Shop.Store.Id));
                here.Should().ContainSingle("a card saved without a fault");

                harness.Shop.FillCart(customer.Id);
                (_, request) = await harness.EnterPaymentInfoAsync(CheckoutHarness.SavedCardForm(here[0].Id), customer);
                await harness.Sandbox.InjectFaultAsync(Rule("KS_Tahsilat", fault));
                Order second = null;
                var refusal = await TryAsync(async () =>
                {
                    var (result, placed) = await harness.PlaceOrderAsync(request, customer);
                    second = placed;
                    if (!result.Success)
                        throw new InvalidOperationException(string.Join(" ", result.Errors));
                });
                await harness.Sandbox.ClearFaultsAsync();
                if (second is not null && refusal is null)
                    await TryAsync(async () => await harness.PostReturnAsync(await harness.AuthenticateAsync(second, approve: true)));
                await CheckSaleAsync(harness, "saved card: pay", fault, second, refusal);
            }
        }

        await using (var harness = await CheckoutHarness.StartParatikaAsync(settings => settings.RequestTimeoutSeconds = 1))
        {
            foreach (var fault in Faults)
            {
                var order = await harness.ParatikaCheckoutAsync(NewCustomer(harness));
                await harness.Sandbox.InjectFaultAsync(Rule("SESSIONTOKEN", fault));
                var page = await harness.PostProcessAsync(order);
                await harness.Sandbox.ClearFaultsAsync();
                if (page.Contains("/payment/", StringComparison.Ordinal))
                    await harness.PostParatikaReturnAsync(await harness.Sandbox.PayOnHostedPageAsync(page));
                await CheckSaleAsync(harness, "Paratika session", fault, order, null);

                order = await harness.ParatikaCheckoutAsync(NewCustomer(harness));
                var returned = await harness.Sandbox.PayOnHostedPageAsync(await harness.PostProcessAsync(order));
                await harness.Sandbox.InjectFaultAsync(new FaultRule { Operation = "QUERYTRANSACTION", Mode = fault, DelayMilliseconds = 1800, Count = 2 });
                await harness.PostParatikaReturnAsync(returned);
                await harness.Sandbox.ClearFaultsAsync();
                await CheckSaleAsync(harness, "Paratika confirming query", fault, order, null);
            }
        }

        var matrix = Print();
        TestContext.Out.WriteLine(matrix);
        _cells.Where(cell => cell.Problem is not null).Select(cell => $"{cell.Step} × {cell.Fault}: {cell.Problem}").Should().BeEmpty(matrix);
    }

    private string Print()
    {
        var text = new StringBuilder();
        var steps = _cells.Select(cell => cell.Step).Distinct().ToList();
        text.AppendLine("| Step | " + string.Join(" | ", Faults) + " |");
        text.AppendLine("|---|" + string.Concat(Faults.Select(_ => "---|")));
        foreach (var step in steps)
            text.AppendLine($"| {step} | " + string.Join(" | ", Faults.Select(fault => _cells.FirstOrDefault(cell => cell.Step == step && cell.Fault == fault) is { } cell
                ? (cell.Problem is null ? "✓ " : "✗ ") + cell.Outcome : "-")) + " |");
        text.AppendLine($"{_cells.Count} cells, {_cells.Count(cell => cell.Problem is not null)} inconsistent.");

        return text.ToString();
    }
}
