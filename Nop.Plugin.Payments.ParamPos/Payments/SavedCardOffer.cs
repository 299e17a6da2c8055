using Nop.Core.Domain.Customers;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Services;
using Nop.Services.Customers;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Who may save a card and pay with a saved one: registered customers (never guests) of a store that offers saved cards
/// in the card-form mode. Paying with one is a sale (Param's card storage has no pre-authorization: OPEN-QUESTIONS A30)
/// in Turkish lira. Every use goes through <see cref="UsableAsync"/>, the server-side ownership check.
/// </summary>
public class SavedCardOffer
{
    #region Fields

    protected readonly ICustomerService _customerService;
    protected readonly SavedCards _savedCards;

    #endregion

    #region Ctor

    public SavedCardOffer(ICustomerService customerService,
        SavedCards savedCards)
    {
        _customerService = customerService;
        _savedCards = savedCards;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a value indicating whether the customer may ask to save the card of this payment
    /// </summary>
    public virtual async Task<bool> CanSaveAsync(ParamPosSettings settings, Customer customer)
    {
        return settings.OfferSavedCards && settings.PaymentMode == PaymentMode.CardForm3D && ParamCallRunner.IsConfigured(settings)
            && customer is not null && !customer.Deleted && await _customerService.IsRegisteredAsync(customer);
    }

    /// <summary>
    /// Gets a value indicating whether the customer may pay with a saved card (a lira sale)
    /// </summary>
    public virtual async Task<bool> CanPayWithAsync(ParamPosSettings settings, Customer customer, bool foreignCurrency)
    {
        return !foreignCurrency && settings.TransactionMode == TransactionMode.Sale && await CanSaveAsync(settings, customer);
    }

    /// <summary>
    /// Gets the customer's saved cards to offer in a store, or none
    /// </summary>
    public virtual async Task<IList<ParamPosSavedCard>> OfferedAsync(ParamPosSettings settings, Customer customer, int storeId, bool foreignCurrency)
    {
        return await CanPayWithAsync(settings, customer, foreignCurrency) ? await _savedCards.OfCustomerAsync(customer.Id, storeId) : new List<ParamPosSavedCard>();
    }

    /// <summary>
    /// Gets a saved card the customer may pay with now: theirs, in this store, while paying with saved cards is offered; null otherwise
    /// </summary>
    public virtual async Task<ParamPosSavedCard> UsableAsync(int savedCardId, ParamPosSettings settings, Customer customer, int storeId, bool foreignCurrency)
    {
        if (!await CanPayWithAsync(settings, customer, foreignCurrency))
            return null;

        return await _savedCards.OwnedAsync(savedCardId, customer.Id, storeId);
    }

    /// <summary>
    /// Gets the BIN of a saved card (the first 6 digits of its masked number), for its installment table
    /// </summary>
    public static string BinOf(ParamPosSavedCard card)
    {
        return card.MaskedNumber is { Length: >= 6 } masked ? masked[..6] : string.Empty;
    }

    /// <summary>
    /// Gets a customer's mobile as Param's KK_Sahibi_GSM wants it (5XXXXXXXXX), or empty
    /// </summary>
    public static string MobileOf(string phone)
    {
        return ParatikaSessionBuilder.InternationalPhone(phone) is { Length: 13 } international && international.StartsWith("+905", StringComparison.Ordinal)
            ? international[3..]
            : string.Empty;
    }

    #endregion
}
