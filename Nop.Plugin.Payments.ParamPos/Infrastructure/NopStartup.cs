using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Factories;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Installments;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Payments.ParamPos.Infrastructure;

/// <summary>
/// Represents object for the configuring services on application startup
/// </summary>
public class NopStartup : INopStartup
{
    /// <summary>
    /// Add and configure any of the middleware
    /// </summary>
    /// <param name="services">Collection of service descriptors</param>
    /// <param name="configuration">Configuration of the application</param>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // One pooled, typed client for every store; per-call credentials, URL and timeout come from ParamCallContext.
        services.AddSingleton(new ParamClientOptions());
        services.AddHttpClient<ParamClient>().WithProxy();
        services.AddHttpClient<ParatikaClient>().WithProxy();
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<PaymentLedger>();
        services.AddScoped<LedgerSearch>();
        services.AddScoped<ReconciliationDays>();
        services.AddScoped<SavedCards>();
        services.AddScoped<MarketplaceRecords>();
        services.AddScoped<MarketplaceShareDeclarer>();
        services.AddScoped<MarketplaceCartCheck>();
        services.AddScoped<MarketplaceSellerRegistry>();
        services.AddScoped<MarketplaceSellerModelFactory>();
        services.AddScoped<MarketplaceApprovals>();
        services.AddScoped<MarketplaceRefundTarget>();
        services.AddScoped<MarketplaceOrderModelFactory>();
        services.AddScoped<MarketplacePageModelFactory>();
        services.AddScoped<SavedCardOffer>();
        services.AddScoped<SavedCardEnroller>();
        services.AddScoped<SavedCardRemover>();
        services.AddScoped<OrderLedgerLoader>();
        services.AddScoped<ParamCallRunner>();
        services.AddScoped<ParatikaCallRunner>();
        services.AddScoped<ProviderStatusReader>();
        services.AddScoped<ReportedSaleConfirmer>();
        services.AddScoped<InstallmentRateService>();
        services.AddScoped<BinLookupLimiter>();
        services.AddScoped<CheckoutAmounts>();
        services.AddScoped<CardVault>();
        services.AddScoped<ThreeDPageStore>();
        services.AddScoped<InstallmentChoiceStore>();
        services.AddScoped<ThreeDPaymentStarter>();
        services.AddScoped<ShopperTermsWriter>();
        services.AddScoped<CheckoutPaymentService>();
        services.AddScoped<OrderPaymentUpdater>();
        services.AddScoped<ChargeOutcomeReader>();
        services.AddScoped<ThreeDCallbackHandler>();
        services.AddScoped<BankReturnHandler>();
        services.AddScoped<ParatikaSessionBuilder>();
        services.AddScoped<ParatikaPaymentStarter>();
        services.AddScoped<ParatikaReturnHandler>();
        services.AddScoped<ForeignCurrencyCheckout>();
        services.AddScoped<PendingPaymentReconciler>();
        services.AddScoped<DailyReconciliationService>();
        services.AddScoped<PayAgainService>();
        services.AddScoped<PaymentAvailability>();
        services.AddScoped<ParamPosModelFactory>();
        services.AddScoped<InstallmentWidgetModelFactory>();
        services.AddScoped<ParamPosMessages>();
        services.AddScoped<RefundService>();
        services.AddScoped<AuthorizationService>();
        services.AddScoped<ConnectionTester>();
        services.AddScoped<ParatikaConnectionTester>();
        services.AddScoped<ParamPosAdminModelFactory>();
        services.AddScoped<TransactionListModelFactory>();
        services.AddScoped<ReconciliationModelFactory>();
    }

    /// <summary>
    /// Configure the using of added middleware
    /// </summary>
    /// <param name="application">Builder for configuring an application's request pipeline</param>
    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>
    /// Gets order of this startup configuration implementation
    /// </summary>
    public int Order => 3000;
}
