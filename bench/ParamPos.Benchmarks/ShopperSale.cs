using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using Nop.Services.Payments;

namespace ParamPos.Benchmarks;

/// <summary>
/// One 3D Model sale the way a shopper makes it, through the plugin's own services as nopCommerce calls them: the card
/// form is shown, the installment table is asked for the card's BIN, the form is posted, the order is confirmed, the
/// browser is sent to the 3-D page, the bank posts its result to the callback.
/// </summary>
public sealed class ShopperSale
{
    public const string CARD = TestCards.AKBANK_AXESS;

    private readonly CheckoutHarness _harness;
    private readonly HarnessNode _node;
    private readonly Func<Nop.Core.Domain.Orders.Order, string, Task<BankCallback>> _bank;

    /// <param name="harness">The store</param>
    /// <param name="node">The web node the requests run on</param>
    /// <param name="bank">The bank's 3-D page: given the order and the page the store rendered, what the bank posts back</param>
    public ShopperSale(CheckoutHarness harness, HarnessNode node, Func<Nop.Core.Domain.Orders.Order, string, Task<BankCallback>> bank)
    {
        _harness = harness;
        _node = node;
        _bank = bank;
    }

    /// <summary>
    /// Whether the shopper types the card after the form appears (the background refresh the form started has finished
    /// by then) rather than instantly
    /// </summary>
    public bool ShopperTypes { get; init; } = true;

    /// <summary>Called after each step with its name (and "shopper typed" after the wait), e.g. to count round trips</summary>
    public Func<string, Task> AfterStep { get; init; } = _ => Task.CompletedTask;

    /// <summary>Runs the sale; the order must end paid.</summary>
    public async Task<StepTimes> RunAsync(Customer customer)
    {
        var times = new StepTimes();
        _harness.Shop.FillCart(customer.Id);
        var bin = CARD[..6];

        await times.TimeAsync("card form", () => InScopeAsync(services => services.GetRequiredService<ParamPosModelFactory>().PreparePaymentInfoModelAsync(), customer));
        await AfterStep("card form");
        if (ShopperTypes)
            await TablesReadyAsync(bin);
        await AfterStep("shopper typed");

        await times.TimeAsync("installment table", () => InScopeAsync(async services =>
        {
            var amounts = services.GetRequiredService<CheckoutAmounts>();
            var amount = await amounts.AmountBeforeFeeAsync(await amounts.CartAsync(customer, _harness.Shop.Store.Id));
            var quote = await services.GetRequiredService<InstallmentRateService>().QuoteAsync(_harness.PluginSettings, bin, amount!.Value);

            return await services.GetRequiredService<ParamPosModelFactory>().PrepareQuoteModelAsync(quote, _harness.PluginSettings);
        }, customer));
        await AfterStep("installment table");

        var (errors, request) = await times.TimeAsync("payment info posted", () => _harness.EnterPaymentInfoAsync(CheckoutHarness.CardForm(CARD, installments: 3), customer, _node));
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join(" ", errors));

        await AfterStep("payment info posted");
        var (result, order) = await times.TimeAsync("order confirmed (TP_WMD_UCD)", () => _harness.PlaceOrderAsync(request, customer, node: _node));
        if (!result.Success)
            throw new InvalidOperationException(string.Join(" ", result.Errors));
        await AfterStep("order confirmed (TP_WMD_UCD)");

        var page = await times.TimeAsync("3-D page", () => InScopeAsync(async services =>
        {
            await services.GetRequiredService<ParamPosPaymentMethod>().PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
            var pages = services.GetRequiredService<ThreeDPageStore>();

            return await pages.TakeAsync(order.OrderGuid, await pages.GetNonceAsync(order.OrderGuid));
        }, customer));

        await AfterStep("3-D page");
        var callback = await _bank(order, page);
        await AfterStep("bank");
        await times.TimeAsync("bank's callback (TP_WMD_Pay)", () => _harness.PostCallbackAsync(callback, _node));
        await AfterStep("bank's callback (TP_WMD_Pay)");

        if (_harness.Orders.Get(order.Id).PaymentStatus != PaymentStatus.Paid)
            throw new InvalidOperationException($"Order {order.Id} did not end paid.");

        return times;
    }

    private Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, Customer customer) => _harness.InScopeAsync(work, customer, _node);

    /// <summary>Waits (as a typing shopper would) until the rate table and the card's BIN are cached and no refresh is running.</summary>
    private async Task TablesReadyAsync(string bin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var ready = await _harness.InScopeAsync(async services =>
            {
                var rates = services.GetRequiredService<InstallmentRateService>();
                return !rates.IsRefreshing(_harness.PluginSettings) && await rates.GetCachedRatesAsync(_harness.PluginSettings) is not null
                    && await rates.IsCardCachedAsync(_harness.PluginSettings, bin);
            }, node: _node);
            if (ready)
                return;

            await Task.Delay(2);
        }

        throw new TimeoutException("The background refresh of the rate and BIN tables did not finish in 30 s.");
    }
}
