using System.Net;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Models.Admin;

namespace Nop.Plugin.Payments.ParamPos.Validators;

/// <summary>
/// Checks the configuration form (by hand: the reference surface carries no FluentValidation). Errors are locale
/// resource keys per property.
/// </summary>
public static class ConfigurationValidator
{
    public static IReadOnlyList<(string Property, string ResourceKey)> Validate(ConfigurationModel model)
    {
        var errors = new List<(string, string)>();
        void Check(bool valid, string property, string key)
        {
            if (!valid)
                errors.Add((property, key));
        }

        var clientCode = model.ClientCode?.Trim() ?? string.Empty;
        Check(clientCode.Length == 0 || (clientCode.Length <= 10 && clientCode.All(char.IsAsciiDigit)), nameof(model.ClientCode), "Validation.ClientCodeNumeric");

        var guid = model.Guid?.Trim() ?? string.Empty;
        Check(guid.Length == 0 || System.Guid.TryParseExact(guid, "D", out _), nameof(model.Guid), "Validation.GuidFormat");

        Check(Enum.IsDefined(typeof(ParamEnvironment), model.EnvironmentId), nameof(model.EnvironmentId), "Validation.Environment");
        if (EndpointProblem(model) is { } endpointProblem && model.EnvironmentId == (int)ParamEnvironment.Custom)
            errors.Add((nameof(model.CustomServiceUrl), endpointProblem));
        if (model.EnvironmentId == (int)ParamEnvironment.Custom && !string.IsNullOrWhiteSpace(model.CustomCardStorageUrl) && CustomUrlProblem(model.CustomCardStorageUrl) is { } cardStorageProblem)
            errors.Add((nameof(model.CustomCardStorageUrl), cardStorageProblem));

        Check(Enum.IsDefined(typeof(PaymentMode), model.PaymentModeId), nameof(model.PaymentModeId), "Validation.Choice");
        Check(!model.MarketplaceMode || model.PaymentModelId == (int)PaymentModel.ThreeDPay, nameof(model.MarketplaceMode), "Validation.MarketplaceThreeDPay");
        Check(!model.MarketplaceMode || System.Guid.TryParseExact(model.MarketplaceGuid?.Trim() ?? string.Empty, "D", out _), nameof(model.MarketplaceGuid), "Validation.GuidFormat");
        Check(model.MarketplaceParamCommissionRate is >= 0m and < 100m && model.MarketplaceDefaultCommissionRate is >= 0m and <= 100m, nameof(model.MarketplaceDefaultCommissionRate), "Validation.Rate");
        if (model.EnvironmentId == (int)ParamEnvironment.Custom && !string.IsNullOrWhiteSpace(model.CustomMarketplaceUrl) && CustomUrlProblem(model.CustomMarketplaceUrl) is { } marketplaceUrlProblem)
            errors.Add((nameof(model.CustomMarketplaceUrl), marketplaceUrlProblem));
        Check(string.IsNullOrEmpty(model.InstallmentWidgetZone) || ParamPosDefaults.ProductWidgetZones.Contains(model.InstallmentWidgetZone), nameof(model.InstallmentWidgetZone), "Validation.Choice");
        Check(model.PaymentModeId != (int)PaymentMode.ParatikaHostedPage || model.TransactionModeId == (int)TransactionMode.Sale, nameof(model.TransactionModeId), "Validation.ParatikaSaleOnly");
        Check(Enum.IsDefined(typeof(ParatikaEnvironment), model.ParatikaEnvironmentId), nameof(model.ParatikaEnvironmentId), "Validation.Choice");
        var paratikaMerchant = model.ParatikaMerchant?.Trim() ?? string.Empty;
        Check(paratikaMerchant.Length == 0 || (paratikaMerchant.Length <= 20 && paratikaMerchant.All(char.IsAsciiDigit)), nameof(model.ParatikaMerchant), "Validation.ParatikaMerchantNumeric");
        if (model.ParatikaEnvironmentId == (int)ParatikaEnvironment.Custom && CustomUrlProblem(model.ParatikaCustomApiUrl) is { } paratikaUrlProblem)
            errors.Add((nameof(model.ParatikaCustomApiUrl), paratikaUrlProblem));
        Check(Enum.IsDefined(typeof(PaymentModel), model.PaymentModelId), nameof(model.PaymentModelId), "Validation.Choice");
        Check((model.ForeignCurrencies ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(code => Gateway.ParamCurrency.Foreign.Contains(code.ToUpperInvariant())), nameof(model.ForeignCurrencies), "Validation.ForeignCurrencies");
        Check(Enum.IsDefined(typeof(TransactionMode), model.TransactionModeId), nameof(model.TransactionModeId), "Validation.Choice");
        Check(model.AuthorizationWarningDays is >= 1 and <= 30, nameof(model.AuthorizationWarningDays), "Validation.AuthorizationWarningDays");
        Check(Enum.IsDefined(typeof(CommissionPayer), model.CommissionPayerId), nameof(model.CommissionPayerId), "Validation.Choice");
        Check(Enum.IsDefined(typeof(FailedPaymentAction), model.FailedPaymentActionId), nameof(model.FailedPaymentActionId), "Validation.Choice");
        Check(Enum.IsDefined(typeof(TransactionLogDetail), model.TransactionLogDetailId), nameof(model.TransactionLogDetailId), "Validation.Choice");
        Check(model.MaximumInstallments is >= 1 and <= 12, nameof(model.MaximumInstallments), "Validation.MaximumInstallments");
        Check(model.MinimumAmountForInstallments >= 0m, nameof(model.MinimumAmountForInstallments), "Validation.MinimumAmount");
        Check(model.RateCacheMinutes is >= 1 and <= 10080, nameof(model.RateCacheMinutes), "Validation.CacheMinutes");
        Check(model.BinCacheMinutes is >= 1 and <= 43200, nameof(model.BinCacheMinutes), "Validation.CacheMinutes");
        Check(model.RequestTimeoutSeconds is >= 5 and <= 120, nameof(model.RequestTimeoutSeconds), "Validation.Timeout");
        Check(model.ReconciliationDelayMinutes is >= 1 and <= 1440, nameof(model.ReconciliationDelayMinutes), "Validation.ReconciliationDelay");
        Check(model.ReconciliationDeadlineHours is >= 1 and <= 720, nameof(model.ReconciliationDeadlineHours), "Validation.ReconciliationDeadline");

        var statuses = (model.AcceptedMdStatuses ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Check(statuses.Contains("1") && statuses.All(status => status is "1" or "2" or "3" or "4"), nameof(model.AcceptedMdStatuses), "Validation.MdStatuses");

        return errors;
    }

    /// <summary>
    /// Gets what is wrong with the service a form points at, as a resource key, or null: a custom URL must be absolute
    /// http(s), and https unless it is a sandbox on this computer (secrets travel in every request)
    /// </summary>
    public static string EndpointProblem(ConfigurationModel model)
    {
        if (!Enum.IsDefined(typeof(ParamEnvironment), model.EnvironmentId))
            return "Validation.Environment";
        if (model.EnvironmentId != (int)ParamEnvironment.Custom)
            return null;

        return CustomUrlProblem(model.CustomServiceUrl);
    }

    /// <summary>
    /// Gets what is wrong with a custom service URL, as a resource key, or null: absolute http(s), and https unless it
    /// is a sandbox on this computer (credentials travel in every request)
    /// </summary>
    public static string CustomUrlProblem(string customUrl)
    {
        if (!Uri.TryCreate(customUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return "Validation.CustomUrlInvalid";

        return url.Scheme == Uri.UriSchemeHttps || IsLoopback(url) ? null : "Validation.CustomUrlHttps";
    }

    private static bool IsLoopback(Uri url)
    {
        return url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
    }
}
