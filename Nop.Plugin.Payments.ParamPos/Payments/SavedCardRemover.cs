using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Deletes saved cards: at Param first (KS_Kart_Sil with the card's own id), then here. A card Param refused to delete
/// stays, so the customer still sees it and can try again; a customer erased by nopCommerce's GDPR tools loses every
/// card here whatever Param answers, and the store owner is told which cards to delete in Param's panel.
/// </summary>
public class SavedCardRemover
{
    #region Fields

    protected readonly ILogger _logger;
    protected readonly ParamCallRunner _callRunner;
    protected readonly SavedCards _savedCards;

    #endregion

    #region Ctor

    public SavedCardRemover(ILogger logger,
        ParamCallRunner callRunner,
        SavedCards savedCards)
    {
        _logger = logger;
        _callRunner = callRunner;
        _savedCards = savedCards;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Deletes one card (already checked to be the customer's)
    /// </summary>
    /// <param name="card">The card</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains Param's refusal when it refused, a resource key when Param could not be reached, or neither</returns>
    public virtual async Task<(ParamError Refusal, string Problem)> DeleteAsync(ParamPosSavedCard card)
    {
        var settings = await _callRunner.LoadSettingsAsync(card.StoreId);
        try
        {
            var result = await _callRunner.CallCardStorageAsync(settings, (client, context) => client.DeleteCardAsync(card.Token, card.CardReference, context));
            if (!result.Deleted)
            {
                await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: Param refused to delete saved card {card.Id} ({card.MaskedNumber}): {ParamErrorCatalog.Describe(result.Error)}. It stays saved.");
                return (result.Error, null);
            }
        }
        catch (ParamGatewayException exception)
        {
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: KS_Kart_Sil for saved card {card.Id} failed ({exception.Kind}); it stays saved.", exception);
            return (null, "SavedCards.DeleteUnavailable");
        }

        await _savedCards.RemoveAsync(card);

        return (null, null);
    }

    /// <summary>
    /// Deletes every card of a customer who is erased, in every store: at Param where it answers, here in any case
    /// </summary>
    /// <param name="customerId">The customer</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task DeleteAllOfCustomerAsync(int customerId)
    {
        foreach (var card in await _savedCards.AllOfCustomerAsync(customerId))
        {
            var (refusal, problem) = await DeleteAsync(card);
            if (refusal is null && problem is null)
                continue;

            // The customer's data must go: the row is removed, and what remains at Param is named for the store owner.
            await _savedCards.RemoveAsync(card);
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: customer {customerId} was erased, but Param did not delete their saved card {card.MaskedNumber} "
                + $"(KK_Islem_ID {card.CardReference}){(refusal is null ? ": Param could not be reached" : $": {ParamErrorCatalog.Describe(refusal)}")}. Delete it in Param's merchant panel.");
        }
    }

    #endregion
}
