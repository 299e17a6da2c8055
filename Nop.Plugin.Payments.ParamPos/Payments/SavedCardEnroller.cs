using System.Security.Cryptography;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Localization;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Saves a card at Param (KS_Kart_Ekle) for a shopper who asked to, only after its payment succeeded: until then the
/// card (never its CVC) waits in the <see cref="CardVault"/> under the attempt's Siparis_ID, at most
/// <see cref="ParamPosDefaults.SecretCacheMinutes"/> minutes. It is called by whoever recorded the charge (a database
/// claim, so once); a failure to save never touches the payment: the order gets a note, the card is simply not saved.
/// </summary>
public class SavedCardEnroller
{
    #region Fields

    protected readonly CardVault _cardVault;
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly IStaticCacheManager _staticCacheManager;
    protected readonly ParamCallRunner _callRunner;
    protected readonly SavedCards _savedCards;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public SavedCardEnroller(CardVault cardVault,
        ILogger logger,
        IOrderService orderService,
        IStaticCacheManager staticCacheManager,
        ParamCallRunner callRunner,
        SavedCards savedCards,
        TimeProvider timeProvider)
    {
        _cardVault = cardVault;
        _logger = logger;
        _orderService = orderService;
        _staticCacheManager = staticCacheManager;
        _callRunner = callRunner;
        _savedCards = savedCards;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Keeps a card to save once the attempt's payment succeeds
    /// </summary>
    /// <param name="attemptOrderId">The attempt's Siparis_ID</param>
    /// <param name="customerId">The registered customer who asked</param>
    /// <param name="storeId">The store</param>
    /// <param name="card">The card as typed (its CVC is dropped here)</param>
    /// <param name="terms">The payment's terms (the card's program, bank and family)</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    public virtual async Task HoldAsync(string attemptOrderId, int customerId, int storeId, CardDetails card, PaymentTerms terms)
    {
        var pending = new CardWaitingToBeSaved(customerId, storeId, card.HolderName, card.Number, card.ExpiryMonth, card.ExpiryYear, terms.PosId, terms.IsDebit,
            terms.BankName, terms.CardFamily);
        await _staticCacheManager.SetAsync(Key(attemptOrderId), await _cardVault.StoreSecretAsync(pending));
    }

    /// <summary>
    /// Saves the card waiting for this attempt, if any: at Param first, then its token here; notes the outcome on the order
    /// </summary>
    /// <param name="attempt">The attempt whose payment succeeded</param>
    /// <param name="order">The order (null while nopCommerce is still creating it)</param>
    /// <returns>A task that represents the asynchronous operation; the task result contains the saved card, or null</returns>
    public virtual async Task<ParamPosSavedCard> SaveAfterPaymentAsync(ParamPosPayment attempt, Order order)
    {
        var key = Key(attempt.OrderReference);
        if (await _staticCacheManager.GetAsync<string>(key, defaultValue: null) is not { } reference)
            return null;

        // Taken at once: whatever happens next, the card number leaves the cache.
        await _staticCacheManager.RemoveAsync(key);
        var card = await _cardVault.ReadSecretAsync<CardWaitingToBeSaved>(reference);
        await _cardVault.RemoveAsync(reference);
        if (card is null)
        {
            await NoteAsync(order, "the card was not saved for next time: its details had expired before the payment was confirmed.");
            return null;
        }

        try
        {
            var settings = await _callRunner.LoadSettingsAsync(card.StoreId);
            if (!settings.OfferSavedCards)
                return null;

            var masked = ParamRedactor.MaskCardNumber(card.Number);
            if (await _savedCards.SameCardAsync(card.CustomerId, card.StoreId, masked, card.ExpiryMonth, card.ExpiryYear) is { } existing)
            {
                await NoteAsync(order, $"the customer's card {masked} is already saved; nothing was stored again.");
                return existing;
            }

            var cardReference = $"nop-c{card.CustomerId}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
            var token = await StoreAtParamAsync(settings, card, cardReference, order);
            if (token is null)
                return null;

            var saved = new ParamPosSavedCard
            {
                CustomerId = card.CustomerId,
                StoreId = card.StoreId,
                Token = token,
                CardReference = cardReference,
                MaskedNumber = masked,
                PosId = card.PosId,
                IsDebit = card.IsDebit,
                BankName = card.BankName,
                CardFamily = card.CardFamily,
                ExpiryMonth = card.ExpiryMonth,
                ExpiryYear = card.ExpiryYear,
                CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
            };
            await _savedCards.AddAsync(saved);
            await NoteAsync(order, $"the card {masked} was saved at Param for the customer's next orders (the store keeps only Param's token and the masked number).");

            return saved;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"{ParamPosDefaults.SystemName}: saving the card of {attempt.OrderReference} failed; the payment is not affected.", exception);
            await NoteAsync(order, "the card could not be saved for next time (an error occurred); the payment is not affected.");
            return null;
        }
    }

    #endregion

    #region Utilities

    /// <summary>
    /// KS_Kart_Ekle; a lost answer is settled by listing the card by its own id (it may have been stored). Null when not stored
    /// </summary>
    protected virtual async Task<string> StoreAtParamAsync(ParamPosSettings settings, CardWaitingToBeSaved card, string cardReference, Order order)
    {
        var request = new CardToStore
        {
            HolderName = card.HolderName,
            Number = card.Number,
            ExpiryMonth = card.ExpiryMonth,
            ExpiryYear = card.ExpiryYear,
            Label = $"nop-c{card.CustomerId}",
            CardReference = cardReference
        };

        try
        {
            var result = await _callRunner.CallCardStorageAsync(settings, (client, context) => client.SaveCardAsync(request, context));
            if (result.Stored)
                return result.Token;

            await NoteAsync(order, $"the card was not saved for next time: Param refused to store it ({ParamErrorCatalog.Describe(result.Error)}). The payment is not affected.");
            return null;
        }
        catch (ParamGatewayException exception)
        {
            await _logger.WarningAsync($"{ParamPosDefaults.SystemName}: KS_Kart_Ekle failed ({exception.Kind}); the payment is not affected.", exception);
            if (exception.OutcomeUnknown)
            {
                try
                {
                    var listed = await _callRunner.CallCardStorageAsync(settings, (client, context) => client.ListCardsAsync(string.Empty, cardReference, context));
                    if (listed.Error is null && listed.Cards.FirstOrDefault(row => !string.IsNullOrEmpty(row.Token)) is { } found)
                        return found.Token;
                }
                catch (ParamGatewayException)
                {
                    await NoteAsync(order, $"the card may have been stored at Param (its answer was lost; card id {cardReference}) but is not saved in the store. The payment is not affected.");
                    return null;
                }
            }

            await NoteAsync(order, "the card could not be saved for next time: Param's card storage could not be reached. The payment is not affected.");
            return null;
        }
    }

    protected virtual async Task NoteAsync(Order order, string text)
    {
        if (order is null)
            return;

        await _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = "ParamPOS saved cards: " + text,
            DisplayToCustomer = false,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        });
    }

    protected virtual CacheKey Key(string attemptOrderId)
    {
        var key = _staticCacheManager.PrepareKeyForDefaultCache(ParamPosDefaults.CardToSaveCacheKey, attemptOrderId);
        key.CacheTime = ParamPosDefaults.SecretCacheMinutes;

        return key;
    }

    #endregion
}

/// <summary>
/// A card waiting for its payment to succeed before it is stored at Param: no CVC. Only in the vault, encrypted.
/// </summary>
public sealed record CardWaitingToBeSaved(int CustomerId, int StoreId, string HolderName, string Number, int ExpiryMonth, int ExpiryYear, int PosId, bool IsDebit,
    string BankName, string CardFamily)
{
    public override string ToString() => $"card {ParamRedactor.MaskCardNumber(Number)} waiting to be saved";
}
