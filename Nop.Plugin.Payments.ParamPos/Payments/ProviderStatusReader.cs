using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Paratika;
using Nop.Plugin.Payments.ParamPos.Services;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Asks the provider that took an attempt for its records of it: Paratika for a hosted page payment, Param for the rest.
/// </summary>
public class ProviderStatusReader
{
    protected readonly ParamCallRunner _callRunner;
    protected readonly ParatikaCallRunner _paratikaCallRunner;

    public ProviderStatusReader(ParamCallRunner callRunner, ParatikaCallRunner paratikaCallRunner)
    {
        _callRunner = callRunner;
        _paratikaCallRunner = paratikaCallRunner;
    }

    /// <summary>
    /// Gets a value indicating whether the store's settings can ask the provider of an attempt
    /// </summary>
    public static bool CanAsk(ParamPosSettings settings, ParamPosPayment attempt)
    {
        return attempt.Kind == PaymentKind.ParatikaHostedSale ? ParatikaCallRunner.IsConfigured(settings) : ParamCallRunner.IsConfigured(settings);
    }

    /// <summary>
    /// Reads the provider's records of an attempt
    /// </summary>
    /// <exception cref="ProviderStatusUnavailableException">The records could not be read</exception>
    public virtual async Task<ProviderStatus> QueryAsync(ParamPosSettings settings, ParamPosPayment attempt)
    {
        if (attempt.Kind == PaymentKind.ParatikaHostedSale)
        {
            ParatikaTransactions transactions;
            try
            {
                transactions = await _paratikaCallRunner.CallAsync(settings, (client, context) => client.QueryTransactionAsync(attempt.OrderReference, context));
            }
            catch (ParatikaException exception)
            {
                throw new ProviderStatusUnavailableException(exception.Kind.ToString(), exception);
            }

            if (!transactions.Approved)
                throw new ProviderStatusUnavailableException(transactions.Error?.Code ?? transactions.ResponseCode ?? "no answer");

            return ProviderStatus.FromParatika(transactions, attempt.OrderReference);
        }

        try
        {
            var status = await _callRunner.CallAsync(settings, (client, context) => client.QueryTransactionAsync(attempt.OrderReference, context));
            // Only "not found" says Param has no such payment; a system error or a refused query says nothing about it.
            if (status.State == TransactionState.NotFound && status.Error is { } error && error.Code != ParamResultRules.TRANSACTION_NOT_FOUND)
                throw new ProviderStatusUnavailableException(error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));

            return ProviderStatus.FromParam(status);
        }
        catch (ParamGatewayException exception)
        {
            throw new ProviderStatusUnavailableException(exception.Kind.ToString(), exception);
        }
    }
}
